package dev.autogen.core.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.component.fakes.PythonLikeComponents.MaxMessage;
import dev.autogen.core.component.fakes.PythonLikeComponents.MaxMessageConfig;
import dev.autogen.core.component.fakes.PythonLikeComponents.MaxMessageProvider;
import dev.autogen.core.component.fakes.PythonLikeComponents.OpenAIClientProvider;
import dev.autogen.core.component.fakes.PythonLikeComponents.TextMentionProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComponentRegistryTest {

    /** A provider under another name, to build conflicts and look-alikes. */
    static final class Renamed extends AbstractComponentProvider<MaxMessage, MaxMessageConfig> {
        Renamed(String name, String... aliases) {
            super(name, ComponentTypes.TERMINATION, MaxMessage.class, MaxMessageConfig.class);
            withAliases(aliases);
        }

        @Override
        public MaxMessage fromConfig(MaxMessageConfig config, ComponentContext context) {
            return new MaxMessageProvider().fromConfig(config, context);
        }
    }

    @Test
    void aRegistryHoldsOnlyWhatWasAdded() {
        var registry = ComponentRegistry.builder().add(new MaxMessageProvider()).build();

        assertThat(registry.providerNames()).containsExactly("autogen_agentchat.conditions.MaxMessageTermination");
        assertThat(registry.contains("autogen_agentchat.conditions.TextMentionTermination")).isFalse();
        assertThatThrownBy(() -> ComponentLoader.using(registry)
                .load(new TextMentionProvider().toModel(new dev.autogen.core.component.fakes.PythonLikeComponents
                        .TextMentionConfig("STOP", null)), Object.class))
                .hasMessageContaining("unknown provider 'autogen_agentchat.conditions.TextMentionTermination'");
    }

    @Test
    void shortNamesAliasUniqueProvidersAndExplainAmbiguousOnes() {
        var registry = ComponentRegistry.builder()
                .add(new Renamed("acme.one.Stop"))
                .add(new Renamed("acme.two.Stop"))
                .add(new Renamed("acme.one.Halt"))
                .build();

        assertThat(registry.find("Halt")).map(ComponentProvider::provider).contains("acme.one.Halt");
        assertThat(registry.find("Stop")).isEmpty();
        assertThat(registry.unknownProviderMessage("Stop", null))
                .isEqualTo("unknown provider 'Stop': the short name is ambiguous, use one of 'acme.one.Stop', 'acme.two.Stop'");
    }

    @Test
    void pythonsWellKnownAliasesApplyOnlyWhenTheirProviderIsInstalled() {
        var without = ComponentRegistry.builder().add(new MaxMessageProvider()).build();
        var with = ComponentRegistry.builder().add(new OpenAIClientProvider()).build();

        assertThat(with.find("azure_openai_chat_completion_client")).isEmpty();
        assertThat(with.find("openai_chat_completion_client")).map(ComponentProvider::provider)
                .contains("autogen_ext.models.openai.OpenAIChatCompletionClient");
        assertThat(without.unknownProviderMessage("openai_chat_completion_client", "model"))
                .isEqualTo("unknown provider 'openai_chat_completion_client': it comes with the module "
                        + "dev.autogen:autogen-ext-openai, which is not on the class path; add that dependency "
                        + "(its version comes from dev.autogen:autogen-bom)");
    }

    /** A provider that only explains, as core's FunctionTool provider does for Python source. */
    static final class StandIn extends AbstractComponentProvider<MaxMessage, MaxMessageConfig> {
        StandIn() {
            super("autogen_agentchat.conditions.MaxMessageTermination", ComponentTypes.TERMINATION, MaxMessage.class,
                    MaxMessageConfig.class);
        }

        @Override
        public boolean isStandIn() {
            return true;
        }

        @Override
        public MaxMessage fromConfig(MaxMessageConfig config, ComponentContext context) {
            throw context.invalid("max_messages", "install the real provider");
        }
    }

    @Test
    void aStandInGivesWayToTheRealProviderWhicheverComesFirst() {
        var standInFirst = ComponentRegistry.builder().add(new StandIn()).add(new MaxMessageProvider()).build();
        var realFirst = ComponentRegistry.builder().add(new MaxMessageProvider()).add(new StandIn()).build();
        var alone = ComponentRegistry.builder().add(new StandIn()).build();

        assertThat(standInFirst.find("MaxMessageTermination")).containsInstanceOf(MaxMessageProvider.class);
        assertThat(realFirst.find("MaxMessageTermination")).containsInstanceOf(MaxMessageProvider.class);
        assertThat(alone.find("MaxMessageTermination")).containsInstanceOf(StandIn.class);
    }

    @Test
    void twoProvidersClaimingOneNameIsAnError() {
        var builder = ComponentRegistry.builder().add(new MaxMessageProvider());

        assertThatThrownBy(() -> builder.add(new Renamed("autogen_agentchat.conditions.MaxMessageTermination")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is claimed by both " + MaxMessageProvider.class.getName());
        assertThat(ComponentRegistry.builder().add(new MaxMessageProvider()).add(new MaxMessageProvider()).build()
                .providerNames()).hasSize(1);
    }

    @Test
    void conflictingAliasesAreErrors() {
        assertThatThrownBy(() -> ComponentRegistry.builder()
                .add(new Renamed("acme.A", "shared"))
                .add(new Renamed("acme.B", "shared"))
                .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("alias 'shared' is claimed by both 'acme.A' and 'acme.B'");
        assertThatThrownBy(() -> ComponentRegistry.builder().add(new Renamed("acme.A")).alias("x", "acme.Missing").build())
                .hasMessage("alias 'x' names provider 'acme.Missing', which is not registered");
        assertThatThrownBy(() -> ComponentRegistry.builder()
                .add(new Renamed("acme.A", "acme.B"))
                .add(new Renamed("acme.B"))
                .build())
                .hasMessageContaining("alias 'acme.B' of 'acme.A' is already the provider string of");
    }

    @Test
    void explicitAliasesResolve() {
        var registry = ComponentRegistry.builder().add(new MaxMessageProvider())
                .alias("legacy.MaxMsg", "autogen_agentchat.conditions.MaxMessageTermination")
                .build();

        assertThat(registry.find("legacy.MaxMsg")).isPresent();
        assertThat(registry.aliases()).containsEntry("MaxMessageTermination",
                "autogen_agentchat.conditions.MaxMessageTermination");
    }

    @Test
    void anAllowListLeavesOtherProvidersOut() {
        var registry = ComponentRegistry.builder()
                .addServiceLoaderProviders()
                .allowOnly(provider -> provider.startsWith("autogen_agentchat.conditions."))
                .build();

        assertThat(registry.providerNames()).containsExactlyInAnyOrder(
                "autogen_agentchat.conditions.MaxMessageTermination",
                "autogen_agentchat.conditions.TextMentionTermination");
        var model = ComponentModel.of("autogen_core.InMemoryStore", Map.of());
        assertThatThrownBy(() -> ComponentLoader.using(registry).load(model, Object.class))
                .hasMessageStartingWith("component: unknown provider 'autogen_core.InMemoryStore'");
    }

    @Test
    void blankProviderStringsAreRejected() {
        assertThatThrownBy(() -> ComponentRegistry.builder().add(new Renamed(" ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(".provider() must return a non-empty string");
    }
}
