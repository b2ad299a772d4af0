package dev.autogen.ext.code_executors.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.code_executor.CodeBlock;
import dev.autogen.core.code_executor.CodeExecutor;
import dev.autogen.core.code_executor.CodeFileRules;
import dev.autogen.core.code_executor.CodeResult;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.component.ComponentProvider;
import dev.autogen.core.component.ComponentTypes;
import dev.autogen.core.component.ProcessGate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Runs Python code blocks in an Azure Container Apps dynamic session, the counterpart of Python's
 * {@code autogen_ext.code_executors.azure.ACADynamicSessionsCodeExecutor}. The session behaves like
 * a Jupyter kernel: blocks run one after another in the same interpreter, in {@code /mnt/data}, with
 * the packages the pool's image has ({@link #getAvailablePackages}). Only Python is supported.
 * Files move between the session and a local {@linkplain #workDir() working directory} with
 * {@link #uploadFiles}, {@link #downloadFiles} and {@link #getFileList}.
 *
 * <p>Requests carry a bearer token for {@value #SCOPE} from a token provider, asked before each
 * request (e.g. {@code AzureTokenProvider} of module {@code autogen-ext-auth-azure}, which caches it).
 *
 * <!-- java-context: import dev.autogen.ext.auth.azure.AzureTokenProvider; import com.azure.identity.DefaultAzureCredentialBuilder; -->
 * <pre>{@code
 * try (var executor = ACADynamicSessionsCodeExecutor.builder(
 *         "https://eastus.dynamicsessions.io/subscriptions/.../sessionPools/my-pool",
 *         new AzureTokenProvider(new DefaultAzureCredentialBuilder().build(), ACADynamicSessionsCodeExecutor.SCOPE))
 *         .build()) {
 *     executor.start();
 *     CodeResult result = executor.executeCodeBlocks(List.of(new CodeBlock("print(6 * 7)", "python")),
 *             new CancellationToken());
 * }
 * }</pre>
 *
 * <p>The code runs on Azure, not on this machine, but it is still code a model wrote: loaded from a
 * config, the executor runs it only with the load's consent, like the local and Docker executors.
 * Thread-safe; blocks run one request at a time.
 */
public final class ACADynamicSessionsCodeExecutor implements CodeExecutor, Component<ACADynamicSessionsCodeExecutorConfig> {
    /** The provider string (Python's class path). */
    public static final String PROVIDER = "autogen_ext.code_executors.azure.ACADynamicSessionsCodeExecutor";
    /** The scope of the session pool's tokens. */
    public static final String SCOPE = "https://dynamicsessions.io/.default";
    /** The default time one request may take: 60 s, as in Python. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private static final Set<String> PYTHON_VARIANTS = Set.of("python", "py");
    private static final Pattern PIP_INSTALL = Pattern.compile("^! ?pip install(.*)$", Pattern.MULTILINE);
    private static final String LIST_PACKAGES =
            "\nimport pkg_resources\n[d.project_name for d in pkg_resources.working_set]\n";
    private static final String SETUP_CWD = "import os; os.chdir('/mnt/data')";
    private static final ComponentProvider<ACADynamicSessionsCodeExecutor, ACADynamicSessionsCodeExecutorConfig> COMPONENT_PROVIDER =
            new Provider();

    private final String endpoint;
    private final Supplier<String> tokenProvider;
    private final @Nullable JsonNode credentialConfig;
    private final Duration timeout;
    private final @Nullable Path configuredWorkDir;
    private final boolean suppressResultOutput;
    private final ProcessGate gate;
    private final DynamicSessionsApi api;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile String sessionId;
    private @Nullable Path tempDir;
    private @Nullable Set<String> availablePackages;
    private boolean cwdReady;

    private ACADynamicSessionsCodeExecutor(Builder b) {
        this.endpoint = b.endpoint;
        this.tokenProvider = b.tokenProvider;
        this.credentialConfig = b.credentialConfig;
        this.timeout = b.timeout;
        this.configuredWorkDir = b.workDir;
        this.suppressResultOutput = b.suppressResultOutput;
        this.gate = b.gate;
        this.sessionId = b.sessionId != null ? b.sessionId : UUID.randomUUID().toString();
        this.api = new DynamicSessionsApi(endpoint, tokenProvider, timeout);
    }

    /**
     * A builder for the pool at {@code poolManagementEndpoint}, with tokens from {@code tokenProvider}.
     *
     * @throws IllegalArgumentException if the endpoint is not an http(s) URL
     */
    public static Builder builder(String poolManagementEndpoint, Supplier<String> tokenProvider) {
        return new Builder(poolManagementEndpoint, tokenProvider);
    }

    /** The session the blocks run in; a new one after {@link #restart()}. */
    public String sessionId() {
        return sessionId;
    }

    /** The time one request may take. */
    public Duration timeout() {
        return timeout;
    }

    /** The local folder files are uploaded from and downloaded to (a temporary one unless configured). */
    public Path workDir() {
        lock.lock();
        try {
            if (configuredWorkDir != null) {
                Files.createDirectories(configuredWorkDir);
                return configuredWorkDir;
            }
            if (tempDir == null) {
                tempDir = Files.createTempDirectory("autogen-aca-");
            }
            return tempDir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the working directory: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs the blocks in order in the session, stopping at the first that fails. The first run also
     * lists the session's packages and moves it to {@code /mnt/data}, as Python's does. A block in
     * another language than Python, or one that {@code !pip install}s a package the session lacks,
     * ends the run with exit code 1 and says why.
     *
     * @throws dev.autogen.core.component.ConsentRefusedException if the executor was loaded from a
     *     config and the consent policy refused these blocks; nothing was sent
     * @throws ACADynamicSessionsException if a request failed (error answer, timeout, connection)
     * @throws java.util.concurrent.CancellationException if the token is cancelled
     */
    @Override
    public CodeResult executeCodeBlocks(List<CodeBlock> codeBlocks, CancellationToken cancellationToken) {
        Objects.requireNonNull(codeBlocks, "codeBlocks");
        gate.check(CodeFileRules.render(codeBlocks), cancellationToken);
        lock.lock();
        try {
            if (availablePackages == null) {
                availablePackages = listPackages(cancellationToken);
            }
            if (!cwdReady) {
                CodeResult setup = run(List.of(new CodeBlock(SETUP_CWD, "python")), cancellationToken);
                if (setup.exitCode() != 0) {
                    throw new IllegalStateException("Failed to set up Azure container working directory: "
                            + setup.output().strip());
                }
                cwdReady = true;
            }
            return run(codeBlocks, cancellationToken);
        } finally {
            lock.unlock();
        }
    }

    private CodeResult run(List<CodeBlock> blocks, CancellationToken cancellation) {
        StringBuilder logs = new StringBuilder();
        int exitCode = 0;
        for (CodeBlock block : blocks) {
            String language = block.language().toLowerCase(Locale.ROOT);
            if (!PYTHON_VARIANTS.contains(language)) {
                exitCode = 1;
                logs.append("\nunknown language ").append(language);
                break;
            }
            if (availablePackages != null) {
                Set<String> missing = new TreeSet<>(requiredPackages(block.code()));
                missing.removeAll(availablePackages);
                if (!missing.isEmpty()) {
                    exitCode = 1;
                    logs.append("\nPython packages unavailable in environment: ").append(missing);
                    break;
                }
            }
            JsonNode properties = api.execute(block.code(), sessionId, cancellation);
            logs.append(properties.path("stderr").asText("")).append(properties.path("stdout").asText(""));
            String status = properties.path("status").asText("");
            if (status.contains("Success")) {
                if (!suppressResultOutput) {
                    logs.append(resultText(properties.get("result")));
                }
            } else if (status.contains("Failure")) {
                exitCode = 1;
                break;
            }
        }
        return CodeResult.of(exitCode, logs.toString());
    }

    private static String resultText(@Nullable JsonNode result) {
        if (result == null || result.isNull() || result.isMissingNode()) {
            return "";
        }
        return result.isTextual() ? result.textValue() : result.toString();
    }

    /** Python's {@code get_required_packages}: the packages of the last {@code !pip install} line. */
    static Set<String> requiredPackages(String code) {
        Set<String> packages = new LinkedHashSet<>();
        Matcher m = PIP_INSTALL.matcher(code);
        while (m.find()) {
            packages.clear();
            for (String p : m.group(1).split(",")) {
                if (!p.isBlank()) {
                    packages.add(p.strip());
                }
            }
        }
        return packages;
    }

    /**
     * The packages installed in the session, found by running Python's listing code once.
     *
     * @throws IllegalStateException if the listing failed
     * @throws ACADynamicSessionsException if the request failed
     */
    public Set<String> getAvailablePackages(CancellationToken cancellationToken) {
        lock.lock();
        try {
            if (availablePackages == null) {
                availablePackages = listPackages(cancellationToken);
            }
            return availablePackages;
        } finally {
            lock.unlock();
        }
    }

    private Set<String> listPackages(CancellationToken cancellation) {
        JsonNode properties = api.execute(LIST_PACKAGES, sessionId, cancellation);
        if (!properties.path("status").asText("").contains("Success")) {
            throw new IllegalStateException("Failed to get list of available packages: "
                    + (properties.path("stderr").asText("") + properties.path("stdout").asText("")).strip());
        }
        Set<String> packages = new TreeSet<>();
        JsonNode result = properties.path("result");
        if (result.isArray()) {
            result.forEach(p -> packages.add(p.asText().strip()));
        } else {
            String text = result.asText("").strip();
            text = text.startsWith("[") ? text.substring(1) : text;
            text = text.endsWith("]") ? text.substring(0, text.length() - 1) : text;
            for (String p : text.split(",")) {
                String name = p.strip().replaceAll("^['\"]|['\"]$", "");
                if (!name.isEmpty()) {
                    packages.add(name);
                }
            }
        }
        return packages;
    }

    /**
     * The names of the files in the session's {@code /mnt/data}.
     *
     * @throws ACADynamicSessionsException if the request failed
     */
    public List<String> getFileList(CancellationToken cancellationToken) {
        return api.listFiles(sessionId, cancellationToken);
    }

    /**
     * Uploads files of the {@linkplain #workDir() working directory} (names relative to it) to the
     * session's {@code /mnt/data}.
     *
     * @throws IllegalArgumentException if a file is not in the working directory
     * @throws ACADynamicSessionsException if a request failed
     */
    public void uploadFiles(List<String> files, CancellationToken cancellationToken) {
        Path dir = workDir();
        for (String file : files) {
            Path path = inside(dir, file);
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException(file + " does not exist in the working directory " + dir);
            }
            byte[] content;
            try {
                content = Files.readAllBytes(path);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
            }
            api.upload(path.getFileName().toString(), content, sessionId, cancellationToken);
        }
    }

    /**
     * Downloads files of the session into the {@linkplain #workDir() working directory}.
     *
     * @return the local paths written, in order
     * @throws IllegalArgumentException if the session has no such file
     * @throws ACADynamicSessionsException if a request failed
     */
    public List<Path> downloadFiles(List<String> files, CancellationToken cancellationToken) {
        Path dir = workDir();
        List<String> available = getFileList(cancellationToken);
        List<Path> written = new ArrayList<>();
        for (String file : files) {
            if (!available.contains(file)) {
                throw new IllegalArgumentException(file + " does not exist in the session; it has " + available);
            }
            Path local = inside(dir, file);
            byte[] content = api.download(file, sessionId, cancellationToken);
            try {
                Files.createDirectories(local.getParent());
                Files.write(local, content);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + local + ": " + e.getMessage(), e);
            }
            written.add(local);
        }
        return written;
    }

    private static Path inside(Path dir, String file) {
        Path path = dir.resolve(file).normalize();
        if (!path.startsWith(dir.normalize())) {
            throw new IllegalArgumentException(file + " is outside the working directory " + dir);
        }
        return path;
    }

    /** Nothing to acquire: the session is created by the service on first use. */
    @Override
    public void start() {
    }

    /** Deletes the temporary working directory, if one was made. */
    @Override
    public void stop() {
        lock.lock();
        try {
            if (tempDir != null) {
                try (Stream<Path> paths = Files.walk(tempDir)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    // best effort, as Python's TemporaryDirectory.cleanup
                }
                tempDir = null;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Moves to a new session: the next run lists packages and sets the directory again. */
    @Override
    public void restart() {
        lock.lock();
        try {
            sessionId = UUID.randomUUID().toString();
            availablePackages = null;
            cwdReady = false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        stop();
        api.close();
    }

    @Override
    public ComponentProvider<?, ACADynamicSessionsCodeExecutorConfig> componentProvider() {
        return COMPONENT_PROVIDER;
    }

    /**
     * The config; the token provider is written as its component.
     *
     * @throws UnsupportedOperationException if the token provider is a Java {@code Supplier} that is
     *     not a component, which has no config form
     */
    @Override
    public ACADynamicSessionsCodeExecutorConfig toConfig() {
        JsonNode credential = credentialConfig;
        if (credential == null) {
            if (!(tokenProvider instanceof Component<?> component)) {
                throw new UnsupportedOperationException("the token provider is a Java Supplier and cannot be written to"
                        + " a component config; give a component such as AzureTokenProvider to dump the executor");
            }
            credential = component.dumpComponent().toJsonNode();
        }
        return new ACADynamicSessionsCodeExecutorConfig(endpoint, credential, (int) timeout.toSeconds(),
                configuredWorkDir == null ? null : configuredWorkDir.toString(), suppressResultOutput, null);
    }

    /** Builds an {@link ACADynamicSessionsCodeExecutor}. */
    public static final class Builder {
        private final String endpoint;
        private final Supplier<String> tokenProvider;
        private @Nullable JsonNode credentialConfig;
        private Duration timeout = DEFAULT_TIMEOUT;
        private @Nullable Path workDir;
        private boolean suppressResultOutput;
        private @Nullable String sessionId;
        private ProcessGate gate = ProcessGate.OPEN;

        private Builder(String endpoint, Supplier<String> tokenProvider) {
            Objects.requireNonNull(endpoint, "poolManagementEndpoint");
            if (!endpoint.startsWith("https://") && !endpoint.startsWith("http://")) {
                throw new IllegalArgumentException("pool_management_endpoint must be an http(s) URL, got '" + endpoint
                        + "'; copy it from the session pool's overview in the Azure portal");
            }
            this.endpoint = endpoint;
            this.tokenProvider = Objects.requireNonNull(tokenProvider, "tokenProvider");
        }

        /**
         * How long one request (one code block) may take; default 60 s.
         *
         * @throws IllegalArgumentException if under one second, as Python refuses
         */
        public Builder timeout(Duration timeout) {
            if (timeout.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("Timeout must be greater than or equal to 1 second, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** The local folder for uploads and downloads; default a temporary one, deleted on {@link #stop()}. */
        public Builder workDir(Path workDir) {
            this.workDir = Objects.requireNonNull(workDir, "workDir");
            return this;
        }

        /** Leaves the value of each block's last expression out of the output. */
        public Builder suppressResultOutput(boolean suppress) {
            this.suppressResultOutput = suppress;
            return this;
        }

        /** The session to use; default a new random one. */
        public Builder sessionId(String sessionId) {
            this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
            return this;
        }

        /** Builds the executor. */
        public ACADynamicSessionsCodeExecutor build() {
            return new ACADynamicSessionsCodeExecutor(this);
        }
    }

    /** Loads and dumps {@code autogen_ext.code_executors.azure.ACADynamicSessionsCodeExecutor} configs. */
    public static final class Provider
            extends AbstractComponentProvider<ACADynamicSessionsCodeExecutor, ACADynamicSessionsCodeExecutorConfig> {
        private static final String AUTH_MODULE = "dev.autogen:autogen-ext-auth-azure";

        /** Creates the provider; called by {@link java.util.ServiceLoader}. */
        public Provider() {
            super(PROVIDER, ComponentTypes.CODE_EXECUTOR, ACADynamicSessionsCodeExecutor.class,
                    ACADynamicSessionsCodeExecutorConfig.class,
                    "Runs Python code blocks in an Azure Container Apps dynamic session.");
            withAliases(ACADynamicSessionsCodeExecutor.class.getName(),
                    "autogen_ext.code_executors.azure._azure_container_code_executor.ACADynamicSessionsCodeExecutor");
        }

        @Override
        public ACADynamicSessionsCodeExecutor fromConfig(ACADynamicSessionsCodeExecutorConfig config,
                ComponentContext context) {
            if (config.credential() == null) {
                throw context.invalid("credential", "a token_provider component is required, such as {\"provider\": "
                        + "\"autogen_ext.auth.azure.AzureTokenProvider\", \"config\": {\"provider_kind\":"
                        + " \"DefaultAzureCredential\", \"scopes\": [\"" + SCOPE + "\"]}}");
            }
            ComponentModel model = ComponentModel.fromJsonNode(config.credential());
            if (!context.registry().contains(model.provider())) {
                throw context.invalid("credential", context.registry().unknownProviderMessage(model.provider(),
                        ComponentTypes.TOKEN_PROVIDER) + (model.provider().startsWith("autogen_ext.auth.azure")
                                ? "; Azure token providers need the module " + AUTH_MODULE + " on the class path" : ""));
            }
            Supplier<?> supplier = context.load(model, Supplier.class, "credential");
            Supplier<String> tokens = () -> supplier.get() instanceof String s ? s : null;
            Builder b = builder(config.poolManagementEndpoint(), tokens);
            b.credentialConfig = config.credential();
            if (config.timeout() != null) {
                b.timeout(Duration.ofSeconds(config.timeout()));
            }
            if (config.workDir() != null) {
                b.workDir(Path.of(config.workDir()));
            }
            if (config.suppressResultOutput() != null) {
                b.suppressResultOutput(config.suppressResultOutput());
            }
            if (config.sessionId() != null) {
                b.sessionId(config.sessionId());
            }
            b.gate = context.processGate("send the Python code blocks it receives to the Azure Container Apps session"
                    + " pool at " + config.poolManagementEndpoint() + " and run them there",
                    config.workDir() == null ? Map.of() : Map.of("work_dir", Path.of(config.workDir())));
            return b.build();
        }
    }
}
