package dev.autogen.agentchat.base;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A team's run read as a {@link Flow.Publisher}, as Reactor, RxJava or Kotlin users adapt it. */
@Timeout(60)
class MessageStreamPublisherTest {
    @Test
    void aTeamRunsMessagesArriveThroughThePublisherAndTheResultFollows() throws Exception {
        var team = RoundRobinGroupChat.builder(List.of(
                AssistantAgent.builder("writer", ReplayChatCompletionClient.of("A line.")).build(),
                AssistantAgent.builder("critic", ReplayChatCompletionClient.of("Good.")).build()))
                .maxTurns(2).build();
        MessageStream<TaskResult> stream = team.runStream("Write.");
        var received = new CopyOnWriteArrayList<BaseMessage>();
        var done = new CompletableFuture<TaskResult>();

        stream.toPublisher().subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(BaseMessage message) {
                received.add(message);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                done.complete(stream.result());
            }
        });

        TaskResult result = done.get(30, TimeUnit.SECONDS);
        assertThat(received).containsExactlyElementsOf(result.messages());
        assertThat(received).extracting(m -> m.source()).containsExactly("user", "writer", "critic");
        assertThat(result.stopReason()).isEqualTo("Maximum number of turns 2 reached.");
        assertThat(team.isRunning()).isFalse();
    }
}
