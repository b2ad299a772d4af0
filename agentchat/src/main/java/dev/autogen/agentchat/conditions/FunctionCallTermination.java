package dev.autogen.agentchat.conditions;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.autogen.agentchat.base.TerminationCondition;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.StopMessage;
import dev.autogen.agentchat.messages.ToolCallExecutionEvent;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.models.FunctionExecutionResult;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Stops the run once a tool named {@code functionName} has been executed: a
 * {@link ToolCallExecutionEvent} holds a result with that name (successful or not, as in Python).
 *
 * <pre>{@code
 * var onApproval = new FunctionCallTermination("approve");
 * // stop reason: "Function 'approve' was executed."
 * }</pre>
 *
 * <p>Component provider {@code autogen_agentchat.conditions.FunctionCallTermination}, config
 * {@code {"function_name": "approve"}}.
 */
public final class FunctionCallTermination implements TerminationCondition, Component<FunctionCallTermination.Config> {
    /** The provider string Python AutoGen uses. */
    public static final String PROVIDER = "autogen_agentchat.conditions.FunctionCallTermination";

    private static final ComponentProvider<FunctionCallTermination, Config> COMPONENT_PROVIDER = new Provider();

    private final String functionName;
    private volatile boolean terminated;

    /**
     * Stops once {@code functionName} has run.
     *
     * @throws IllegalArgumentException if {@code functionName} is blank
     */
    public FunctionCallTermination(String functionName) {
        this.functionName = Conditions.requireNonBlank(functionName, "function_name");
    }

    /** The tool name that stops the run. */
    public String functionName() {
        return functionName;
    }

    @Override
    public boolean terminated() {
        return terminated;
    }

    @Override
    public @Nullable StopMessage check(List<? extends BaseMessage> messages) {
        if (terminated) {
            throw Conditions.alreadyReached();
        }
        for (BaseMessage message : messages) {
            if (message instanceof ToolCallExecutionEvent execution) {
                for (FunctionExecutionResult result : execution.content()) {
                    if (result.name().equals(functionName)) {
                        terminated = true;
                        return new StopMessage("Function '" + functionName + "' was executed.",
                                "FunctionCallTermination");
                    }
                }
            }
        }
        return null;
    }

    @Override
    public void reset() {
        terminated = false;
    }

    @Override
    public ComponentProvider<?, Config> componentProvider() {
        return COMPONENT_PROVIDER;
    }

    @Override
    public Config toConfig() {
        return new Config(functionName);
    }

    @Override
    public String toString() {
        return "FunctionCallTermination[functionName=" + functionName + "]";
    }

    /**
     * The config, Python's {@code FunctionCallTerminationConfig}.
     *
     * @param functionName the tool name that stops the run
     */
    public record Config(@JsonProperty(required = true) String functionName) {
    }

    /** Loads and writes {@code autogen_agentchat.conditions.FunctionCallTermination} configs. */
    public static final class Provider extends AbstractComponentProvider<FunctionCallTermination, Config> {
        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            // Python takes the class docstring's first paragraph as it is, line break and indent included.
            super(PROVIDER, ComponentTypes.TERMINATION, FunctionCallTermination.class, Config.class,
                    "Terminate the conversation if a :class:`~autogen_core.models.FunctionExecutionResult`\n"
                            + "    with a specific name was received.");
            withAliases("autogen_agentchat.conditions._terminations.FunctionCallTermination",
                    FunctionCallTermination.class.getName());
        }

        @Override
        public FunctionCallTermination fromConfig(Config config, ComponentContext context) {
            if (config.functionName().isBlank()) {
                throw context.invalid("function_name", "must not be blank");
            }
            return new FunctionCallTermination(config.functionName());
        }
    }
}
