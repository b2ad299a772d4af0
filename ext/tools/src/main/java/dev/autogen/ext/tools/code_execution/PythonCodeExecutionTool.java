package dev.autogen.ext.tools.code_execution;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.code_executor.CodeBlock;
import dev.autogen.core.code_executor.CodeExecutor;
import dev.autogen.core.code_executor.CodeResult;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.tools.BaseTool;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A tool that runs the model's Python code in a {@link CodeExecutor} and returns what it printed,
 * the counterpart of Python's {@code PythonCodeExecutionTool}: an alternative to a
 * {@code CodeExecutorAgent} when the model should decide when to run code. The tool is named
 * {@code CodeExecutor} and takes one argument, {@code code}.
 *
 * <!-- java-context: import dev.autogen.ext.code_executors.local.LocalCommandLineCodeExecutor;
 *      import java.nio.file.Path; import dev.autogen.core.models.ChatCompletionClient;
 *      import dev.autogen.agentchat.agents.AssistantAgent; ChatCompletionClient model; -->
 * <pre>{@code
 * try (var executor = LocalCommandLineCodeExecutor.builder().workDir(Path.of("coding")).build()) {
 *     executor.start();
 *     var tool = new PythonCodeExecutionTool(executor);
 *     var agent = AssistantAgent.builder("assistant", model).tools(List.of(tool)).reflectOnToolUse(true).build();
 *     agent.run("Compute the 20th Fibonacci number with Python.");
 * }
 * }</pre>
 *
 * <p>A run whose code fails is a normal result whose text is the output (the traceback), as in
 * Python, so the model can correct its code; only a failure of the executor itself (for example a
 * program that cannot be started) becomes an error result.
 *
 * <p>Who owns the executor: an executor passed to the constructor belongs to the caller, who starts
 * and stops it. A tool loaded from a component config created its executor, so it starts it before
 * the first run and stops it on {@link #close()}.
 */
public final class PythonCodeExecutionTool extends BaseTool<CodeExecutionInput, CodeExecutionResult>
        implements Component<PythonCodeExecutionToolConfig>, AutoCloseable {
    /** The provider string Python writes for this tool. */
    public static final String PROVIDER = "autogen_ext.tools.code_execution.PythonCodeExecutionTool";
    /** The tool name, as in Python. */
    public static final String NAME = "CodeExecutor";
    /** The tool description unless another is given, as in Python. */
    public static final String DEFAULT_DESCRIPTION = "Execute Python code blocks.";

    private static final Provider COMPONENT_PROVIDER = new Provider();

    private final CodeExecutor executor;
    private final boolean ownsExecutor;
    private final ReentrantLock startLock = new ReentrantLock();
    private boolean started;

    /** A tool running code in {@code executor}, which the caller starts and stops. */
    public PythonCodeExecutionTool(CodeExecutor executor) {
        this(executor, DEFAULT_DESCRIPTION);
    }

    /** A tool with another description, running code in {@code executor}, which the caller starts and stops. */
    public PythonCodeExecutionTool(CodeExecutor executor, String description) {
        this(executor, description, false);
    }

    private PythonCodeExecutionTool(CodeExecutor executor, String description, boolean ownsExecutor) {
        super(CodeExecutionInput.class, NAME, Objects.requireNonNull(description, "description"));
        this.executor = Objects.requireNonNull(executor, "executor");
        this.ownsExecutor = ownsExecutor;
        this.started = !ownsExecutor;
    }

    /** The executor the code runs in. */
    public CodeExecutor executor() {
        return executor;
    }

    /**
     * Runs {@code args.code()} as one Python block.
     *
     * @throws java.util.concurrent.CancellationException if the token is cancelled during the run
     */
    @Override
    public CodeExecutionResult run(CodeExecutionInput args, CancellationToken cancellationToken) {
        startIfOwned();
        CodeResult result = executor.executeCodeBlocks(List.of(new CodeBlock(args.code(), "python")), cancellationToken);
        return new CodeExecutionResult(result.exitCode() == 0, result.output());
    }

    private void startIfOwned() {
        startLock.lock();
        try {
            if (!started) {
                executor.start();
                started = true;
            }
        } finally {
            startLock.unlock();
        }
    }

    /** The output alone, as Python serialises {@code CodeExecutionResult}. */
    @Override
    public String returnValueAsString(@Nullable Object value) {
        return value instanceof CodeExecutionResult r ? r.output() : super.returnValueAsString(value);
    }

    /** Stops the executor if this tool created it (loaded from a config); otherwise does nothing. */
    @Override
    public void close() {
        if (ownsExecutor) {
            startLock.lock();
            try {
                executor.stop();
                started = false;
            } finally {
                startLock.unlock();
            }
        }
    }

    @Override
    public ComponentProvider<?, PythonCodeExecutionToolConfig> componentProvider() {
        return COMPONENT_PROVIDER;
    }

    /**
     * The config, with the executor's component model.
     *
     * @throws UnsupportedOperationException if the executor has no component config
     */
    @Override
    public PythonCodeExecutionToolConfig toConfig() {
        return new PythonCodeExecutionToolConfig(executor.dumpComponent(), description());
    }

    @Override
    public ComponentModel dumpComponent() {
        return Component.super.dumpComponent();
    }

    /** Loads and dumps {@value #PROVIDER} configs; registered through {@code META-INF/services}. */
    public static final class Provider extends AbstractComponentProvider<PythonCodeExecutionTool, PythonCodeExecutionToolConfig> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.TOOL, PythonCodeExecutionTool.class, PythonCodeExecutionToolConfig.class,
                    "A tool that executes Python code in a code executor and returns output.");
            withAliases("autogen_ext.tools.code_execution._code_execution.PythonCodeExecutionTool");
        }

        /**
         * Loads the executor through the registry; an executor whose module is not on the class
         * path is reported with the module to add.
         */
        @Override
        public PythonCodeExecutionTool fromConfig(PythonCodeExecutionToolConfig config, ComponentContext context) {
            String executorProvider = config.executor().provider();
            if (!context.registry().contains(executorProvider)) {
                throw context.invalid("executor", context.registry().unknownProviderMessage(executorProvider,
                        ComponentTypes.CODE_EXECUTOR) + "; " + moduleHint(executorProvider));
            }
            CodeExecutor executor = context.load(config.executor(), CodeExecutor.class, "executor");
            return new PythonCodeExecutionTool(executor, config.description(), true);
        }

        private static String moduleHint(String provider) {
            String module = provider.contains(".local.") ? "autogen-ext-code-executors"
                    : provider.contains(".docker.") ? "autogen-ext-docker"
                    : provider.contains(".jupyter.") ? "autogen-ext-jupyter" : null;
            return module == null ? "add the module that provides this code executor to the class path"
                    : "add the dependency dev.autogen:" + module + " to the class path to run code with it";
        }
    }
}
