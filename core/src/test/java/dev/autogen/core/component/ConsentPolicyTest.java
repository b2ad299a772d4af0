package dev.autogen.core.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.autogen.core.CancellationToken;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A component that starts processes is built from a config only as the loader's {@link ConsentPolicy} says. */
class ConsentPolicyTest {
    private static final ComponentRegistry REGISTRY = ComponentRegistry.builder()
            .add(new RunnerProvider()).add(new CrewProvider()).build();
    private static final String CREW = """
            {"provider": "test.Crew", "component_type": "crew", "config": {"runners": [
              {"provider": "test.Runner", "component_type": "runner", "config": {"work_dir": "coding"}}]}}""";

    @Test
    void byDefaultALoaderRefusesItNamingItsJsonPathAndHowToAllowIt() {
        assertThatThrownBy(() -> ComponentLoader.using(REGISTRY).load(CREW, Crew.class))
                .isInstanceOf(ComponentLoadException.class)
                .hasMessage("crew.config.runners[0]: Runner would run programs in work_dir 'coding'; a loaded config may do"
                        + " this only with your consent. If you trust this config, load it with"
                        + " ComponentLoader.withConsent(ConsentPolicy.allowAll()).");
        assertThat(ComponentLoader.using(REGISTRY).validate(CREW, Crew.class))
                .extracting(ComponentProblem::path).containsExactly("crew.config.runners[0]");
    }

    @Test
    void allowedItsGateIsOpen() {
        Crew crew = ComponentLoader.using(REGISTRY).withConsent(ConsentPolicy.allowAll()).load(CREW, Crew.class);

        assertThat(crew.runners().getFirst().gate().isOpen()).isTrue();
        crew.runners().getFirst().run("echo hi");
    }

    @Test
    void askingPutsEachStartToThePolicyWithWhatItWouldRun() {
        List<String> asked = new ArrayList<>();
        List<ConsentRequest> requests = new ArrayList<>();
        ConsentPolicy policy = new ConsentPolicy() {
            @Override
            public Decision decide(ConsentRequest request) {
                requests.add(request);
                return Decision.ASK;
            }

            @Override
            public boolean approve(ConsentRequest request, String what, CancellationToken token) {
                asked.add(what);
                return what.startsWith("echo");
            }
        };
        Runner runner = ComponentLoader.using(REGISTRY).withConsent(policy).load(CREW, Crew.class).runners().getFirst();

        runner.run("echo hi");
        assertThatThrownBy(() -> runner.run("rm -rf /"))
                .isInstanceOf(ConsentRefusedException.class)
                .hasMessage("crew.config.runners[0]: Runner may not run this without your consent, which was refused;"
                        + " nothing was started")
                .satisfies(e -> assertThat(((ConsentRefusedException) e).path()).isEqualTo("crew.config.runners[0]"));

        assertThat(asked).containsExactly("echo hi", "rm -rf /");
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.component()).isEqualTo("Runner");
            assertThat(r.directories()).containsExactly(Map.entry("work_dir", Path.of("coding").toAbsolutePath()));
            assertThat(r.directoryPath("work_dir")).isEqualTo("crew.config.runners[0].config.work_dir");
        });
    }

    @Test
    void aComponentBuiltInCodeNeedsNoConsent() {
        new Runner(ProcessGate.OPEN).run("echo hi");
    }

    public record RunnerConfig(@JsonProperty(required = true) String workDir) {
    }

    /** Runs a command line, after its gate allows it. */
    public record Runner(ProcessGate gate) implements Component<RunnerConfig> {
        void run(String commandLine) {
            gate.check(commandLine, new CancellationToken());
        }

        @Override
        public ComponentProvider<?, RunnerConfig> componentProvider() {
            return new RunnerProvider();
        }

        @Override
        public RunnerConfig toConfig() {
            throw new UnsupportedOperationException();
        }
    }

    public static final class RunnerProvider extends AbstractComponentProvider<Runner, RunnerConfig> {
        public RunnerProvider() {
            super("test.Runner", "runner", Runner.class, RunnerConfig.class);
        }

        @Override
        public Runner fromConfig(RunnerConfig config, ComponentContext context) {
            return new Runner(context.processGate("run programs in work_dir '" + config.workDir() + "'",
                    Map.of("work_dir", Path.of(config.workDir()))));
        }
    }

    public record CrewConfig(@JsonProperty(required = true) List<ComponentModel> runners) {
    }

    public record Crew(List<Runner> runners) implements Component<CrewConfig> {
        @Override
        public ComponentProvider<?, CrewConfig> componentProvider() {
            return new CrewProvider();
        }

        @Override
        public CrewConfig toConfig() {
            throw new UnsupportedOperationException();
        }
    }

    public static final class CrewProvider extends AbstractComponentProvider<Crew, CrewConfig> {
        public CrewProvider() {
            super("test.Crew", "crew", Crew.class, CrewConfig.class);
        }

        @Override
        public Crew fromConfig(CrewConfig config, ComponentContext context) {
            return new Crew(context.loadAll(config.runners(), Runner.class));
        }
    }
}
