package dev.autogen.ext.a2a;

import static dev.autogen.ext.a2a.A2AFixtures.handoffTo;
import static dev.autogen.ext.a2a.A2AFixtures.next;
import static dev.autogen.ext.a2a.A2AFixtures.queue;
import static dev.autogen.ext.a2a.A2AFixtures.replying;
import static dev.autogen.ext.a2a.A2AFixtures.sdkClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.agents.UserProxyAgent;
import dev.autogen.agentchat.conditions.HandoffTermination;
import dev.autogen.agentchat.conditions.MaxMessageTermination;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.agentchat.teams.Swarm;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import io.a2a.A2A;
import io.a2a.client.Client;
import io.a2a.client.ClientEvent;
import io.a2a.client.TaskEvent;
import io.a2a.client.TaskUpdateEvent;
import io.a2a.spec.AgentCard;
import io.a2a.spec.Message;
import io.a2a.spec.Task;
import io.a2a.spec.TaskIdParams;
import io.a2a.spec.TaskQueryParams;
import io.a2a.spec.TaskState;
import io.a2a.spec.TaskStatusUpdateEvent;
import io.a2a.spec.TextPart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An AutoGen agent or team served over A2A, called by the A2A SDK's own client. */
class A2AAgentServerTest {

    private static Message userText(String text, String contextId, String taskId) {
        return new Message.Builder().role(Message.Role.USER).messageId(UUID.randomUUID().toString())
                .contextId(contextId).taskId(taskId).parts(List.of(new TextPart(text))).build();
    }

    private static String text(Message message) {
        return A2AMessages.text(message);
    }

    private static Task finalTask(BlockingQueue<ClientEvent> events, List<String> sourcesSeen) throws Exception {
        while (true) {
            ClientEvent event = next(events);
            if (event instanceof TaskUpdateEvent update && update.getUpdateEvent() instanceof TaskStatusUpdateEvent status) {
                Message message = status.getStatus().message();
                if (message != null && !status.isFinal()) {
                    sourcesSeen.add(message.getMetadata().get("source") + ": " + text(message));
                }
                if (status.isFinal()) {
                    return update.getTask();
                }
            } else if (event instanceof TaskEvent task && task.getTask().getStatus().state().isFinal()) {
                return task.getTask();
            }
        }
    }

    private static RoundRobinGroupChat writerAndEditor() {
        return RoundRobinGroupChat.builder(List.of(replying("writer", "A draft."), replying("editor", "Final text.")))
                .terminationCondition(new MaxMessageTermination(3)).build();
    }

    @Test
    void theCardNamesTheTeamItsSkillAndStreaming() throws Exception {
        try (A2AHttpServer http = A2AAgentServer.builder().serve(writerAndEditor()).description("Writes and edits.")
                .build().start("127.0.0.1", 0, null)) {
            AgentCard card = A2A.getAgentCard(http.url());
            assertThat(card.name()).isEqualTo("RoundRobinGroupChat");
            assertThat(card.description()).isEqualTo("Writes and edits.");
            assertThat(card.url()).isEqualTo(http.url());
            assertThat(card.capabilities().streaming()).isTrue();
            assertThat(card.skills()).singleElement().satisfies(skill ->
                    assertThat(skill.description()).isEqualTo("Writes and edits."));
        }
    }

    @Test
    void aBlockingSendAnswersWithTheCompletedTaskAndItsResult() throws Exception {
        try (A2AHttpServer http = A2AAgentServer.builder().serve(writerAndEditor()).build().start("127.0.0.1", 0, null)) {
            BlockingQueue<ClientEvent> events = queue();
            {
                Client client = sdkClient(http.url(), false, events);
                client.sendMessage(A2A.toUserMessage("Write a line about the sea."), null);
                Task task = ((TaskEvent) next(events)).getTask();

                assertThat(task.getStatus().state()).isEqualTo(TaskState.COMPLETED);
                assertThat(A2AMessages.artifactsText(task.getArtifacts())).isEqualTo("Final text.");
                assertThat(task.getStatus().message().getMetadata()).containsEntry("source", "editor")
                        .containsEntry("stop_reason", "Maximum number of messages 3 reached, current message count: 3");
                Task fetched = client.getTask(new TaskQueryParams(task.getId()), null);
                assertThat(fetched.getStatus().state()).isEqualTo(TaskState.COMPLETED);
            }
        }
    }

    @Test
    void aStreamCarriesEveryMessageInOrderThenTheResult() throws Exception {
        try (A2AHttpServer http = A2AAgentServer.builder().serve(writerAndEditor()).build().start("127.0.0.1", 0, null)) {
            BlockingQueue<ClientEvent> events = queue();
            {
                Client client = sdkClient(http.url(), true, events);
                client.sendMessage(A2A.toUserMessage("Write a line about the sea."), null);
                List<String> seen = new ArrayList<>();
                Task task = finalTask(events, seen);

                assertThat(seen).containsExactly("writer: A draft.", "editor: Final text.");
                assertThat(task.getStatus().state()).isEqualTo(TaskState.COMPLETED);
                assertThat(text(task.getStatus().message())).isEqualTo("Final text.");
            }
        }
    }

    @Test
    void cancellingATaskCancelsItsRun() throws Exception {
        var endless = new A2AFixtures.EndlessAgent();
        try (A2AHttpServer http = A2AAgentServer.builder().serve(endless).build().start("127.0.0.1", 0, null)) {
            BlockingQueue<ClientEvent> events = queue();
            {
                Client client = sdkClient(http.url(), true, events);
                client.sendMessage(A2A.toUserMessage("Go on forever."), null);
                String taskId = null;
                while (taskId == null) {
                    ClientEvent event = next(events);
                    if (event instanceof TaskUpdateEvent update) {
                        taskId = update.getTask().getId();
                    } else if (event instanceof TaskEvent task) {
                        taskId = task.getTask().getId();
                    }
                }
                assertThat(endless.started.await(60, TimeUnit.SECONDS)).isTrue();

                Task cancelled = client.cancelTask(new TaskIdParams(taskId), null);

                assertThat(cancelled.getStatus().state()).isEqualTo(TaskState.CANCELED);
                assertThat(endless.cancelled.get(60, TimeUnit.SECONDS)).isTrue();
                assertThat(finalTask(events, new ArrayList<>()).getStatus().state()).isEqualTo(TaskState.CANCELED);
                assertThat(client.getTask(new TaskQueryParams(taskId), null).getStatus().state())
                        .isEqualTo(TaskState.CANCELED);
            }
        }
    }

    @Test
    void aHandoffToTheUserIsInputRequiredAndTheNextMessageOfTheTaskContinuesIt() throws Exception {
        var alice = AssistantAgent.builder("alice", new ReplayChatCompletionClient(List.of(handoffTo("user"),
                "Booked for Tuesday."), A2AFixtures.TOOLS_MODEL)).handoffs("user").build();
        var team = Swarm.builder(List.of(alice)).terminationCondition(new HandoffTermination("user")
                .or(new MaxMessageTermination(2))).build();
        try (A2AHttpServer http = A2AAgentServer.builder().serve(team).build().start("127.0.0.1", 0, null)) {
            BlockingQueue<ClientEvent> events = queue();
            {
                Client client = sdkClient(http.url(), false, events);
                client.sendMessage(A2A.toUserMessage("Book me a table."), null);
                Task asking = ((TaskEvent) next(events)).getTask();
                assertThat(asking.getStatus().state()).isEqualTo(TaskState.INPUT_REQUIRED);
                assertThat(asking.getStatus().message().getMetadata()).containsEntry("handoff_target", "user");

                client.sendMessage(userText("Tuesday, please.", asking.getContextId(), asking.getId()), null);
                Task done = ((TaskEvent) next(events)).getTask();

                assertThat(done.getId()).isEqualTo(asking.getId());
                assertThat(done.getStatus().state()).isEqualTo(TaskState.COMPLETED);
                assertThat(A2AMessages.artifactsText(done.getArtifacts())).isEqualTo("Booked for Tuesday.");
            }
            var continued = team.saveState();
            assertThat(continued.toString()).contains("Tuesday, please.");
        }
    }

    @Test
    void aUserProxyAsksThroughTheTaskAndTheReplyContinuesTheSameRun() throws Exception {
        var input = new A2AUserInput();
        var team = RoundRobinGroupChat.builder(List.of(replying("writer", "Draft one.", "Draft two."),
                        new UserProxyAgent("reviewer", input)))
                .terminationCondition(new MaxMessageTermination(4)).build();
        try (A2AHttpServer http = A2AAgentServer.builder().serve(team).userInput(input).build()
                .start("127.0.0.1", 0, null)) {
            BlockingQueue<ClientEvent> events = queue();
            {
                Client client = sdkClient(http.url(), true, events);
                client.sendMessage(A2A.toUserMessage("Write something."), null);
                List<String> seen = new ArrayList<>();
                Task asking = finalTask(events, seen);
                assertThat(asking.getStatus().state()).isEqualTo(TaskState.INPUT_REQUIRED);
                assertThat(seen).containsExactly("writer: Draft one.");

                client.sendMessage(userText("Shorter, please.", asking.getContextId(), asking.getId()), null);
                List<String> after = new ArrayList<>();
                Task done = finalTask(events, after);

                assertThat(after).containsExactly("reviewer: Shorter, please.", "writer: Draft two.");
                assertThat(done.getId()).isEqualTo(asking.getId());
                assertThat(done.getStatus().state()).isEqualTo(TaskState.COMPLETED);
                assertThat(text(done.getStatus().message())).isEqualTo("Draft two.");
            }
        }
    }

    @Test
    void eachContextKeepsItsOwnConversation() throws Exception {
        var counter = new A2AFixtures.CountingAgent("counter");
        try (A2AHttpServer http = A2AAgentServer.builder().serve(counter).build().start("127.0.0.1", 0, null)) {
            BlockingQueue<ClientEvent> events = queue();
            {
                Client client = sdkClient(http.url(), false, events);
                String first = UUID.randomUUID().toString();
                String second = UUID.randomUUID().toString();
                List<String> answers = new ArrayList<>();
                for (String context : List.of(first, first, second, first)) {
                    client.sendMessage(userText("hello", context, null), null);
                    answers.add(text(((TaskEvent) next(events)).getTask().getStatus().message()));
                }
                assertThat(answers).containsExactly("seen 1", "seen 2", "seen 1", "seen 3");
            }
        }
    }

    @Test
    void aFailingRunIsAFailedTaskNamingTheError() throws Exception {
        var broken = AssistantAgent.builder("broken", new ReplayChatCompletionClient(List.of())).build();
        try (A2AHttpServer http = A2AAgentServer.builder().serve(broken).build().start("127.0.0.1", 0, null)) {
            BlockingQueue<ClientEvent> events = queue();
            {
                Client client = sdkClient(http.url(), false, events);
                client.sendMessage(A2A.toUserMessage("Hello?"), null);
                Task task = ((TaskEvent) next(events)).getTask();
                assertThat(task.getStatus().state()).isEqualTo(TaskState.FAILED);
                assertThat(text(task.getStatus().message())).startsWith("The run failed: ");
            }
        }
    }

    @Test
    void aTokenGuardsEveryRequestAndOversizedBodiesAreRefused() throws Exception {
        var server = A2AAgentServer.builder().serve(replying("poet", "A line.")).maxRequestBytes(2_000).build();
        assertThatThrownBy(() -> server.start("0.0.0.0", 0, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without a token");
        try (A2AHttpServer http = server.start("127.0.0.1", 0, "s3cret")) {
            HttpClient raw = HttpClient.newHttpClient();
            String send = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"message/send\",\"params\":{\"message\":"
                    + "{\"kind\":\"message\",\"role\":\"user\",\"messageId\":\"m1\",\"parts\":[{\"kind\":\"text\","
                    + "\"text\":\"hi\"}]}}}";
            HttpResponse<String> noToken = raw.send(post(http.url(), send, null), HttpResponse.BodyHandlers.ofString());
            assertThat(noToken.statusCode()).isEqualTo(401);
            assertThat(noToken.body()).contains("needs a token");

            HttpResponse<String> ok = raw.send(post(http.url(), send, "s3cret"), HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("\"state\":\"completed\"").contains("A line.");

            HttpResponse<String> big = raw.send(post(http.url(), send.replace("hi", "x".repeat(5_000)), "s3cret"),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(big.statusCode()).isEqualTo(413);

            HttpResponse<String> garbage = raw.send(post(http.url(), "{not json", "s3cret"),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(garbage.body()).contains("\"code\":-32700");

            AgentCard card = A2A.getAgentCard(http.url());
            assertThat(card.securitySchemes()).containsKey("bearer");
        }
    }

    private static HttpRequest post(String url, String body, String token) {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

}
