package dev.autogen.agentchat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.agents.FaultyModels;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.conditions.MaxMessageTermination;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A run closed early leaves the team stopped and ready: the next run counts its messages from zero. */
class CancelledRunTest {
    @Test
    void closingAStreamEarlyStopsTheRunAndTheNextRunCountsFromZero() {
        var a = AssistantAgent.builder("a", new ReplayChatCompletionClient(Collections.nCopies(100, "a says"))).build();
        var hang = new AtomicBoolean(true);
        var b = AssistantAgent.builder("b",
                FaultyModels.hangingAfterFirstCall(hang, new ReplayChatCompletionClient(Collections.nCopies(100, "b says")))).build();
        var team = RoundRobinGroupChat.builder(List.of(a, b)).terminationCondition(new MaxMessageTermination(6)).build();

        try (MessageStream<TaskResult> stream = team.runStream("go")) {
            Iterator<BaseMessage> messages = stream.iterator();
            for (int i = 0; i < 4; i++) { // go, a, b, a: then b's model hangs until the run is cancelled
                messages.next();
            }
        }
        assertThat(team.isRunning()).isFalse();
        hang.set(false);

        TaskResult next = team.run("again");

        assertThat(next.messages()).hasSize(6);
        assertThat(next.stopReason()).isEqualTo("Maximum number of messages 6 reached, current message count: 6");
    }
}
