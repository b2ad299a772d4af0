package dev.autogen.agentchat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.agents.UserProxyAgent;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.conditions.MaxMessageTermination;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.UserInputRequestedEvent;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A UserProxyAgent's UserInputRequestedEvent reaches the run's stream while the agent waits for its
 * human, whatever the timing of the previous speaker's turn: a UI answers only what it was shown.
 */
class UserInputRequestShownTest {
    @Test
    void theRequestIsStreamedBeforeTheAnswerIsGiven() throws Exception {
        for (int run = 0; run < 40; run++) {
            CountDownLatch shown = new CountDownLatch(1);
            var user = new UserProxyAgent("user", (prompt, token) -> {
                if (!shown.await(1, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("the input request never reached the stream");
                }
                return "ok";
            });
            var writer = AssistantAgent.builder("writer", ReplayChatCompletionClient.of("draft")).build();
            var team = RoundRobinGroupChat.builder(List.of(writer, user))
                    .terminationCondition(new MaxMessageTermination(3)).build();
            try (MessageStream<TaskResult> stream = team.runStream("go")) {
                for (BaseMessage message : stream) {
                    if (message instanceof UserInputRequestedEvent) {
                        shown.countDown();
                    }
                }
                assertThat(stream.result().messages()).extracting(BaseMessage::source).contains("user");
            }
        }
    }
}
