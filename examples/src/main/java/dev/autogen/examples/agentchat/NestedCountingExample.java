package dev.autogen.examples.agentchat;

import dev.autogen.agentchat.agents.BaseChatAgent;
import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.base.RunOptions;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.base.TaskRunner;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.ModelClientStreamingChunkEvent;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.core.CancellationToken;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Nested chat, from the migration guide: a custom agent that runs an inner group of agents on each
 * call and answers with the group's last message. Two counting agents take turns adding 1 to the
 * last number, five turns in all, so the nested agent turns "1" into "6".
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

    /**
     * Participants speak in turn for {@code maxTurns} turns per run, each given the messages new since
     * it last spoke: the behaviour of a {@code RoundRobinGroupChat} with {@code max_turns}, written out.
     */
    public static final class RoundRobinLoop implements TaskRunner {
        private final List<? extends ChatAgent> participants;
        private final int maxTurns;
        private final List<BaseChatMessage> thread = new ArrayList<>();
        private final int[] seen;
        private int nextSpeaker;

        public RoundRobinLoop(List<? extends ChatAgent> participants, int maxTurns) {
            if (participants.isEmpty() || maxTurns < 1) {
                throw new IllegalArgumentException("a loop needs participants and at least one turn, got "
                        + participants.size() + " participants and " + maxTurns + " turns");
            }
            this.participants = List.copyOf(participants);
            this.maxTurns = maxTurns;
            this.seen = new int[participants.size()];
        }

        @Override
        public MessageStream<TaskResult> runStream(RunOptions options) {
            CancellationToken token = options.cancellationTokenOrNew();
            return MessageStream.produce("round-robin-loop", token, emit -> {
                List<BaseMessage> output = new ArrayList<>();
                for (BaseChatMessage message : options.task()) {
                    thread.add(message);
                    if (options.outputTaskMessages()) {
                        emit.accept(message);
                        output.add(message);
                    }
                }
                for (int turn = 0; turn < maxTurns; turn++) {
                    int speaker = nextSpeaker;
                    nextSpeaker = (nextSpeaker + 1) % participants.size();
                    List<BaseChatMessage> unseen = List.copyOf(thread.subList(seen[speaker], thread.size()));
                    Response response = participants.get(speaker).onMessagesStream(unseen, token, event -> {
                        emit.accept(event);
                        if (!(event instanceof ModelClientStreamingChunkEvent)) {
                            output.add(event);
                        }
                    });
                    thread.add(response.chatMessage());
                    seen[speaker] = thread.size();
                    emit.accept(response.chatMessage());
                    output.add(response.chatMessage());
                }
                return new TaskResult(output, "Maximum number of turns " + maxTurns + " reached.");
            });
        }

        /** Forgets the conversation and resets every participant. */
        public void reset() {
            thread.clear();
            Arrays.fill(seen, 0);
            nextSpeaker = 0;
            participants.forEach(agent -> agent.onReset(new CancellationToken()));
        }
    }

    /** Increments the last number several times by running the inner counting loop. */
    public static final class NestedCountingAgent extends BaseChatAgent {
        private final RoundRobinLoop countingTeam;

        public NestedCountingAgent(String name, RoundRobinLoop countingTeam) {
            super(name, "An agent that counts numbers.");
            this.countingTeam = countingTeam;
        }

        /** Runs the inner loop on the messages and answers with its last message. */
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
        var countingTeam = new RoundRobinLoop(
                List.of(new CountingAgent("counting_agent_1"), new CountingAgent("counting_agent_2")), 5);
        var nestedCountingAgent = new NestedCountingAgent("nested_counting_agent", countingTeam);
        Response response = nestedCountingAgent.onMessages(List.of(new TextMessage("1", "user")),
                new CancellationToken());
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
