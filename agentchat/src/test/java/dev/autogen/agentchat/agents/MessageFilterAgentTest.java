package dev.autogen.agentchat.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.StopMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.state.MessageFilterAgentState;
import dev.autogen.agentchat.messages.ThoughtEvent;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ConsentPolicy;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.UserMessage;
import dev.autogen.ext.code_executors.local.LocalCommandLineCodeExecutor;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class MessageFilterAgentTest {
    private static final CancellationToken NONE = new CancellationToken();

    /** Records what it is given; answers "ok" after emitting a thought. */
    static final class RecordingAgent extends BaseChatAgent {
        final List<List<String>> calls = new ArrayList<>();
        int resets;

        RecordingAgent() {
            super("inner", "Writes things.");
        }

        @Override
        public Response onMessages(List<? extends BaseChatMessage> messages, CancellationToken token) {
            return onMessagesStream(messages, token, m -> {
            });
        }

        @Override
        public Response onMessagesStream(List<? extends BaseChatMessage> messages, CancellationToken token,
                Consumer<? super BaseMessage> events) {
            calls.add(messages.stream().map(m -> m.source() + ":" + m.toText()).toList());
            var thought = new ThoughtEvent("thinking", name());
            events.accept(thought);
            return new Response(new TextMessage("ok", name()), List.of(thought));
        }

        @Override
        public void onReset(CancellationToken token) {
            resets++;
        }

        @Override
        public List<Class<? extends BaseChatMessage>> producedMessageTypes() {
            return List.of(TextMessage.class, StopMessage.class);
        }
    }

    private static List<BaseChatMessage> conversation() {
        return List.of(
                new TextMessage("task", "user"),
                new TextMessage("a1", "A"),
                new TextMessage("b1", "B"),
                new TextMessage("a2", "A"),
                new TextMessage("b2", "B"),
                new TextMessage("c1", "C"),
                new TextMessage("b3", "B"));
    }

    @Test
    void passesOnlyTheSelectedMessagesGroupedInFilterOrder() {
        var inner = new RecordingAgent();
        var agent = new MessageFilterAgent("A", inner, MessageFilterConfig.of(
                PerSourceFilter.last("B", 2),
                PerSourceFilter.first("user", 1)));

        agent.onMessages(conversation(), NONE);

        assertThat(inner.calls).containsExactly(List.of("B:b2", "B:b3", "user:task"));
    }

    @Test
    void noPositionNoCountOrZeroCountKeepsEveryMessageOfTheSource() {
        var inner = new RecordingAgent();
        var agent = new MessageFilterAgent("A", inner, MessageFilterConfig.of(
                PerSourceFilter.all("A"),
                new PerSourceFilter("B", PerSourceFilter.Position.FIRST, null),
                new PerSourceFilter("C", PerSourceFilter.Position.LAST, 0)));

        agent.onMessages(conversation(), NONE);

        assertThat(inner.calls).containsExactly(List.of("A:a1", "A:a2", "B:b1", "B:b2", "B:b3", "C:c1"));
    }

    @Test
    void aCountBeyondTheMessagesKeepsThemAllAndAnUnlistedSourceIsDropped() {
        var inner = new RecordingAgent();
        var agent = new MessageFilterAgent("A", inner, MessageFilterConfig.of(PerSourceFilter.first("A", 10)));

        agent.onMessages(conversation(), NONE);
        agent.onMessages(List.of(new TextMessage("only user", "user")), NONE);

        assertThat(inner.calls).containsExactly(List.of("A:a1", "A:a2"), List.of());
    }

    @Test
    void streamingFiltersTooAndPassesTheWrappedAgentsEventsAndReplyThrough() {
        var inner = new RecordingAgent();
        var agent = new MessageFilterAgent("filtered", inner, MessageFilterConfig.of(PerSourceFilter.last("user", 1)));

        List<BaseMessage> streamed = new ArrayList<>();
        try (MessageStream<TaskResult> stream = agent.runStream(List.of(new TextMessage("first", "user"),
                new TextMessage("second", "user")))) {
            stream.forEach(streamed::add);
        }

        assertThat(inner.calls).containsExactly(List.of("user:second"));
        assertThat(streamed).extracting(BaseMessage::type)
                .containsExactly("TextMessage", "TextMessage", "ThoughtEvent", "TextMessage");
        assertThat(streamed.get(3).source()).isEqualTo("inner");
    }

    @Test
    void describesAndResetsThroughTheWrappedAgent() {
        var inner = new RecordingAgent();
        var agent = new MessageFilterAgent("A", inner, MessageFilterConfig.of(PerSourceFilter.all("user")));

        agent.onReset(NONE);

        assertThat(inner.resets).isEqualTo(1);
        assertThat(agent.description()).isEqualTo("Writes things. (with message filtering)");
        assertThat(agent.producedMessageTypes()).containsExactly(TextMessage.class, StopMessage.class);
    }

    @Test
    void aNegativeCountIsRejected() {
        assertThatThrownBy(() -> PerSourceFilter.last("B", -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source 'B'").hasMessageContaining("must not be negative");
    }

    @Test
    void roundTripsAsAComponentWithPythonsFieldNames() {
        var inner = new CodeExecutorAgent("runner", LocalCommandLineCodeExecutor.builder().build());
        var agent = new MessageFilterAgent("runner_filtered", inner, MessageFilterConfig.of(
                PerSourceFilter.first("user", 1), PerSourceFilter.all("critic")));

        ComponentModel dumped = agent.dumpComponent();

        assertThat(dumped.provider()).isEqualTo("autogen_agentchat.agents.MessageFilterAgent");
        assertThat(dumped.componentType()).isEqualTo("agent");
        assertThat(dumped.config().get("name").asText()).isEqualTo("runner_filtered");
        assertThat(dumped.config().get("wrapped_agent").get("provider").asText())
                .isEqualTo("autogen_agentchat.agents.CodeExecutorAgent");
        assertThat(dumped.config().get("filter").toString()).isEqualTo(
                "{\"per_source\":[{\"source\":\"user\",\"position\":\"first\",\"count\":1},{\"source\":\"critic\"}]}");

        MessageFilterAgent loaded = ComponentLoader.defaultLoader().withConsent(ConsentPolicy.allowAll()).load(dumped.toJson(), MessageFilterAgent.class);
        assertThat(loaded.filter()).isEqualTo(agent.filter());
        Response response = loaded.onMessages(List.of(
                new TextMessage("```python\nprint('from the user')\n```", "user"),
                new TextMessage("```python\nprint('from someone else')\n```", "other")), NONE);
        assertThat(((TextMessage) response.chatMessage()).content()).isEqualTo("from the user\n");
    }

    @Test
    void aConfigWithAnUnknownPositionFailsNamingTheField() {
        String json = """
                {"provider": "autogen_agentchat.agents.MessageFilterAgent", "component_type": "agent",
                 "config": {"name": "a", "filter": {"per_source": [{"source": "user", "position": "middle"}]},
                            "wrapped_agent": {"provider": "autogen_agentchat.agents.UserProxyAgent",
                                              "config": {"name": "u"}}}}""";

        assertThatThrownBy(() -> ComponentLoader.defaultLoader().withConsent(ConsentPolicy.allowAll()).load(json, ChatAgent.class))
                .hasMessageContaining("middle");
    }

    @Test
    void savesPythonsEmptyStateAndLoadsBothItAndTheOlderWrappedState() {
        var inner = AssistantAgent.builder("writer", ReplayChatCompletionClient.of("Draft one.")).build();
        var agent = new MessageFilterAgent("writer", inner, MessageFilterConfig.of(PerSourceFilter.all("user")));
        agent.onMessages(List.of(new TextMessage("task", "user")), NONE);
        List<LLMMessage> before = inner.modelContext().getMessages();

        assertThat(agent.saveState()).isEqualTo(Map.of("type", "BaseState", "version", "1.0.0"));

        Map<String, Object> older = MessageFilterAgentState.of(inner.saveState()).toMap();
        agent.onReset(NONE);
        assertThat(inner.modelContext().getMessages()).isEmpty();
        agent.loadState(older);
        assertThat(inner.modelContext().getMessages()).isEqualTo(before);
        agent.loadState(Map.of("type", "BaseState", "version", "1.0.0"));
        assertThat(inner.modelContext().getMessages()).isEqualTo(before);
    }
}
