package dev.autogen.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/architecture.md, checked on the compiled classes of every module of the
 * build: code built on the runtime (agentchat, ext, cli) speaks only to the public contract, and core
 * knows nothing of the layers above it.
 */
class ArchitectureTest {
    private static final String[] RUNTIME_INTERNALS = {"dev.autogen.core.runtime..", "dev.autogen.core.internal.."};
    /** The gRPC worker's internals, which host its agents in an {@code InProcessAgentRuntime}. */
    private static final String RUNTIMES_BUILT_ON_IN_PROCESS = "dev.autogen.ext.runtimes.grpc.internal..";
    private static JavaClasses classes;

    @BeforeAll
    static void importEveryModule() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> outputs;
        try (Stream<Path> modules = Stream.concat(Stream.of(root.resolve("core"), root.resolve("agentchat"),
                root.resolve("cli"), root.resolve("studio")), Files.list(root.resolve("ext")))) {
            outputs = modules.map(module -> module.resolve("target/classes")).filter(Files::isDirectory).toList();
        }
        assertThat(outputs).as("compiled modules").hasSizeGreaterThan(10);
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPaths(outputs);
    }

    @Test
    void agentchatExtAndCliUseOnlyTheRuntimesPublicContract() {
        ArchRule rule = noClasses().that().resideInAnyPackage("dev.autogen.agentchat..", "dev.autogen.ext..",
                "dev.autogen.cli..", "dev.autogen.studio..").and().resideOutsideOfPackage(RUNTIMES_BUILT_ON_IN_PROCESS)
                .should().dependOnClassesThat().resideInAnyPackage(RUNTIME_INTERNALS)
                .because("teams and extensions must run on any AgentRuntime (gRPC, recording, ...)");
        rule.check(classes);
    }

    @Test
    void runtimesBuiltOnTheInProcessOneUseOnlyItsExtensionSeam() {
        noClasses().that().resideInAPackage(RUNTIMES_BUILT_ON_IN_PROCESS).should().dependOnClassesThat()
                .resideInAPackage("dev.autogen.core.internal..")
                .because("the gRPC worker hosts its agents in an InProcessAgentRuntime, through its protected seam only")
                .check(classes);
    }

    @Test
    void coreDependsOnNoLayerAboveIt() {
        noClasses().that().resideInAPackage("dev.autogen.core..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.autogen.agentchat..", "dev.autogen.ext..", "dev.autogen.cli..")
                .check(classes);
    }

    @Test
    void agentchatDependsOnNoExtensionOrCommandLine() {
        noClasses().that().resideInAPackage("dev.autogen.agentchat..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.autogen.ext..", "dev.autogen.cli..").check(classes);
    }
}
