package dev.autogen.examples.agentchat;

import dev.autogen.agentchat.agents.BaseChatAgent;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.base.RunOptions;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.base.Team;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.core.CancellationToken;
import java.io.PrintStream;
import java.util.List;

/**
 * Nested chat, from the migration guide: a custom agent that runs an inner group of agents on each
 * call and answers with the group's last message. Two counting agents take turns adding 1 to the
 * last number in a {@link RoundRobinGroupChat} with {@code maxTurns(5)}, so the nested agent turns
 * "1" into "6". The inner team keeps its conversation between calls until it is reset.
 */
public final class NestedCountingExample {
    private NestedCountingExample() {
    }

    /** Answers with the last number in the messages plus one (1 if there are none). */
    public static final class CountingAgent extends BaseChatAgent {
        public CountingAgent(String name) {
            super(name, "An agent that counts numbers.");
        }

        @Override
        public Response onMessages(List<? extends BaseChatMessage> messages, CancellationToken cancellationToken) {
            int lastNumber = messages.isEmpty() ? 0 : Integer.parseInt(((TextMessage) messages.getLast()).content());
            return new Response(new TextMessage(String.valueOf(lastNumber + 1), name()));
        }

        @Override
        public void onReset(CancellationToken cancellationToken) {
        }

        @Override
        public List<Class<? extends BaseChatMessage>> producedMessageTypes() {
            return List.of(TextMessage.class);
        }
    }

    /** Increments the last number several times by running the inner counting team. */
    public static final class NestedCountingAgent extends BaseChatAgent {
        private final Team countingTeam;

        public NestedCountingAgent(String name, Team countingTeam) {
            super(name, "An agent that counts numbers.");
            this.countingTeam = countingTeam;
        }

        /** Runs the inner team on the messages and answers with its last message. */
        @Override
        public Response onMessages(List<? extends BaseChatMessage> messages, CancellationToken cancellationToken) {
            TaskResult result = countingTeam.run(RunOptions.task(messages).withCancellationToken(cancellationToken));
            List<BaseMessage> produced = result.messages();
            var last = (TextMessage) produced.getLast();
            return new Response(last, produced.subList(messages.size(), produced.size() - 1));
        }

        @Override
        public void onReset(CancellationToken cancellationToken) {
            countingTeam.reset();
        }

        @Override
        public List<Class<? extends BaseChatMessage>> producedMessageTypes() {
            return List.of(TextMessage.class);
        }
    }

    /** Counts on from 1 and prints the inner messages, then the answer, as the guide does. */
    public static Response run(PrintStream out) {
        Response response;
        try (Team countingTeam = RoundRobinGroupChat.builder(
                List.of(new CountingAgent("counting_agent_1"), new CountingAgent("counting_agent_2")))
                .maxTurns(5)
                .build()) {
            var nestedCountingAgent = new NestedCountingAgent("nested_counting_agent", countingTeam);
            response = nestedCountingAgent.onMessages(List.of(new TextMessage("1", "user")), new CancellationToken());
        }
        for (BaseMessage message : response.innerMessages()) {
            out.println(PythonRepr.of(message));
        }
        out.println(PythonRepr.of(response.chatMessage()));
        return response;
    }

    public static void main(String[] args) {
        run(System.out);
    }
}
