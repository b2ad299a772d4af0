package dev.autogen.agentchat.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.HandoffMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.messages.UserInputRequestedEvent;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.serialization.AutogenJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The class timeout only guards against a hang. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UserProxyAgentTest {
    private static final CancellationToken NONE = new CancellationToken();

    @Test
    void repliesWithWhatTheUserTypedAsATextMessageFromTheProxy() {
        List<String> prompts = new ArrayList<>();
        var user = new UserProxyAgent("user", (prompt, token) -> {
            prompts.add(prompt);
            return "Paris";
        });

        Response response = user.onMessages(List.of(new TextMessage("Where to?", "assistant")), NONE);

        assertThat(response.chatMessage()).isInstanceOfSatisfying(TextMessage.class, m -> {
            assertThat(m.content()).isEqualTo("Paris");
            assertThat(m.source()).isEqualTo("user");
        });
        assertThat(prompts).containsExactly("Enter your response: ");
        assertThat(user.description()).isEqualTo("A human user");
        assertThat(user.producedMessageTypes()).containsExactly(TextMessage.class, HandoffMessage.class);
    }

    @Test
    void aUiReadingTheStreamAnswersTheRequestItSawBeforeTheInputFunctionWasCalled() {
        Map<String, BlockingQueue<String>> answers = new ConcurrentHashMap<>();
        List<String> requestIdsSeenByInputFunction = new ArrayList<>();
        var user = new UserProxyAgent("user", (prompt, token) -> {
            String requestId = UserProxyAgent.InputRequestContext.requestId();
            requestIdsSeenByInputFunction.add(requestId);
            return answers.computeIfAbsent(requestId, id -> new SynchronousQueue<>()).take();
        });

        List<BaseMessage> seen = new ArrayList<>();
        try (MessageStream<TaskResult> stream = user.runStream("What is your name?")) {
            for (BaseMessage message : stream) {
                seen.add(message);
                if (message instanceof UserInputRequestedEvent request) {
                    Thread.ofVirtual().start(() -> {
                        try {
                            answers.computeIfAbsent(request.requestId(), id -> new SynchronousQueue<>()).put("Ada");
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                }
            }
            TaskResult result = stream.result();
            assertThat(result.messages()).hasSize(3);
        }

        assertThat(seen).hasSize(3);
        assertThat(seen.get(0)).isInstanceOf(TextMessage.class);
        UserInputRequestedEvent request = (UserInputRequestedEvent) seen.get(1);
        assertThat(request.source()).isEqualTo("user");
        assertThat(requestIdsSeenByInputFunction).containsExactly(request.requestId());
        assertThat(((TextMessage) seen.get(2)).content()).isEqualTo("Ada");
    }

    @Test
    void runKeepsTheInputRequestInTheResultButOnMessagesDoesNotPutItInTheResponse() {
        var user = new UserProxyAgent("user", InputFunction.of(prompt -> "yes"));

        TaskResult result = user.run("Approve?");
        assertThat(result.messages()).extracting(BaseMessage::type)
                .containsExactly("TextMessage", "UserInputRequestedEvent", "TextMessage");

        assertThat(user.onMessages(List.of(), NONE).innerMessages()).isEmpty();
    }

    @Test
    void aHandoffToTheProxyIsAnsweredWithAHandoffBackToItsSource() {
        List<String> prompts = new ArrayList<>();
        var user = new UserProxyAgent("user", (prompt, token) -> {
            prompts.add(prompt);
            return "Use the blue one.";
        });

        Response response = user.onMessages(List.of(new TextMessage("hi", "user"),
                new HandoffMessage("Which colour?", "designer", "user", List.of())), NONE);

        assertThat(prompts).containsExactly("Handoff received from designer. Enter your response: ");
        assertThat(response.chatMessage()).isInstanceOfSatisfying(HandoffMessage.class, h -> {
            assertThat(h.content()).isEqualTo("Use the blue one.");
            assertThat(h.source()).isEqualTo("user");
            assertThat(h.target()).isEqualTo("designer");
        });
    }

    @Test
    void aHandoffMeantForAnotherAgentIsAnErrorNamingBoth() {
        var user = new UserProxyAgent("user", InputFunction.of(prompt -> "never asked"));

        assertThatThrownBy(() -> user.onMessages(
                List.of(new HandoffMessage("over to you", "designer", "reviewer", List.of())), NONE))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("Failed to get user input: Handoff message target does not match agent name")
                .hasMessageContaining("'designer'").hasMessageContaining("'reviewer'").hasMessageContaining("'user'");
    }

    @Test
    void anInputFunctionFailureIsReportedWithPythonsWordsAndItsCause() {
        var failure = new IOException("socket closed");
        var user = new UserProxyAgent("user", (prompt, token) -> {
            throw failure;
        });

        assertThatThrownBy(() -> user.onMessages(List.of(), NONE))
                .isInstanceOf(UserInputException.class)
                .hasMessage("Failed to get user input: socket closed")
                .hasCause(failure);
    }

    @Test
    void aNullReplyIsAnError() {
        var user = new UserProxyAgent("user", (prompt, token) -> null);

        assertThatThrownBy(() -> user.onMessages(List.of(), NONE))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("returned null");
    }

    @Test
    void cancellingTheTokenInterruptsAnInputFunctionWaitingForTheUser() throws Exception {
        var interrupted = new CountDownLatch(1);
        var waiting = new CountDownLatch(1);
        var user = new UserProxyAgent("user", (prompt, token) -> {
            waiting.countDown();
            try {
                return new LinkedBlockingQueue<String>().take();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        });
        var token = new CancellationToken();
        CompletableFuture<Response> call = onOwnThread(() -> user.onMessages(List.of(), token));
        waiting.await();

        token.cancel();

        assertThatThrownBy(call::join).hasCauseInstanceOf(CancellationException.class);
        assertThat(interrupted.await(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void cancellingStopsWaitingEvenForAnInputFunctionThatIgnoresInterrupts() throws Exception {
        var release = new CountDownLatch(1);
        var waiting = new CountDownLatch(1);
        var user = new UserProxyAgent("user", (prompt, token) -> {
            waiting.countDown();
            while (true) {
                try {
                    release.await();
                    return "too late";
                } catch (InterruptedException ignored) {
                    // a badly behaved input function
                }
            }
        });
        var token = new CancellationToken();
        CompletableFuture<Response> call = onOwnThread(() -> user.onMessages(List.of(), token));
        waiting.await();

        token.cancel();

        assertThatThrownBy(call::join).hasCauseInstanceOf(CancellationException.class);
        release.countDown();
    }

    @Test
    void aRunCancelledWhileWaitingEndsWithCancellation() throws Exception {
        var waiting = new CountDownLatch(1);
        var user = new UserProxyAgent("user", (prompt, token) -> {
            waiting.countDown();
            return new LinkedBlockingQueue<String>().take();
        });
        var token = new CancellationToken();
        CompletableFuture<TaskResult> run = onOwnThread(
                () -> user.run(dev.autogen.agentchat.base.RunOptions.task("hello").withCancellationToken(token)));
        waiting.await();

        token.cancel();

        assertThatThrownBy(run::join).hasCauseInstanceOf(CancellationException.class);
    }

    @Test
    void anInputTimeoutGivesUpWithACancellationNamingTheTimeout() {
        var user = UserProxyAgent.builder("user")
                .inputFunction((prompt, token) -> new LinkedBlockingQueue<String>().take())
                .inputTimeout(Duration.ofMillis(50))
                .build();

        assertThatThrownBy(() -> user.onMessages(List.of(), NONE))
                .isInstanceOf(CancellationException.class)
                .hasMessageContaining("agent 'user'").hasMessageContaining("no input within PT0.05S");
    }

    @Test
    void badOptionsAreRejectedWithTheirName() {
        assertThatThrownBy(() -> UserProxyAgent.builder("user").inputTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("input timeout must be positive");
        assertThatThrownBy(() -> new UserProxyAgent("not a name"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'not a name'");
    }

    @Test
    void theRequestIdIsOnlyAvailableInsideAnInputFunction() {
        assertThatThrownBy(UserProxyAgent.InputRequestContext::requestId)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("within the input function of a UserProxyAgent");
    }

    @Test
    void theConsolePrintsThePromptAndKeepsALineTypedAfterACancelledRequestForTheNextOne() throws Exception {
        var typed = new PipedOutputStream();
        var in = new PipedInputStream(typed);
        var out = new ByteArrayOutputStream();
        var console = new ConsoleInput(() -> in, () -> new PrintStream(out, true, StandardCharsets.UTF_8));
        var user = new UserProxyAgent("user", console);

        var token = new CancellationToken();
        CompletableFuture<Response> first = onOwnThread(() -> user.onMessages(List.of(), token));
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!out.toString(StandardCharsets.UTF_8).contains("Enter your response: ")) {
            assertThat(System.nanoTime()).as("the prompt appears").isLessThan(deadline);
            Thread.sleep(5);
        }
        token.cancel();
        assertThatThrownBy(first::join).hasCauseInstanceOf(CancellationException.class);

        typed.write("hello there\n".getBytes(StandardCharsets.UTF_8));
        typed.flush();
        Response second = user.onMessages(List.of(), NONE);

        assertThat(((TextMessage) second.chatMessage()).content()).isEqualTo("hello there");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Enter your response: Enter your response: ");

        typed.close();
        assertThatThrownBy(() -> user.onMessages(List.of(), NONE))
                .isInstanceOf(UserInputException.class).hasMessage("Failed to get user input: end of standard input");
    }

    @Test
    void aRequestGivenUpAfterItsLineArrivedLeavesTheLineForTheNextRequest() throws Exception {
        var typed = new PipedOutputStream();
        var in = new PipedInputStream(typed);
        var console = new ConsoleInput(() -> in, () -> new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        typed.write("hello there\n".getBytes(StandardCharsets.UTF_8));
        typed.flush();
        var givenUp = new CancellationToken();
        givenUp.cancel();

        // As a slow input thread whose request was cancelled while the user typed: the line is already read.
        assertThatThrownBy(() -> console.getInput("Enter your response: ", givenUp))
                .isInstanceOf(CancellationException.class);

        assertThat(console.getInput("Enter your response: ", NONE)).isEqualTo("hello there");
        typed.close();
    }

    @Test
    void theGallerysUserProxyLoadsAndDumpsAsPythonWritesIt() throws Exception {
        JsonNode gallery = AutogenJson.mapper().readTree(Files.readString(
                Path.of("../core/src/test/resources/fixtures/autogen-python/default_gallery.json")));
        JsonNode config = gallery.at("/components/agents/3");
        assertThat(config.get("provider").asText()).isEqualTo("autogen_agentchat.agents.UserProxyAgent");

        ChatAgent agent = ComponentLoader.loadComponent(config.toString(), ChatAgent.class);

        assertThat(agent).isInstanceOf(UserProxyAgent.class);
        assertThat(agent.name()).isEqualTo("user_proxy");
        assertThat(agent.description()).startsWith("a human user that should be consulted");
        ComponentModel dumped = agent.dumpComponent();
        assertThat(dumped.provider()).isEqualTo("autogen_agentchat.agents.UserProxyAgent");
        assertThat(dumped.componentType()).isEqualTo("agent");
        assertThat(dumped.config()).isEqualTo(config.get("config"));
    }

    @Test
    void aProxyWithACustomInputFunctionDumpsWithoutIt() {
        var user = UserProxyAgent.builder("user").inputFunction(InputFunction.of(p -> "x")).build();

        ComponentModel dumped = user.dumpComponent();

        assertThat(dumped.config().toString()).isEqualTo("{\"name\":\"user\",\"description\":\"A human user\"}");
        assertThat(ComponentLoader.loadComponent(dumped, UserProxyAgent.class).name()).isEqualTo("user");
    }

    /**
     * Runs {@code body} on a thread of its own: the common fork-join pool has a single worker on a
     * 2-CPU machine, and a blocked task left there by another test would keep this one from starting.
     */
    private static <T> CompletableFuture<T> onOwnThread(java.util.function.Supplier<T> body) {
        var result = new CompletableFuture<T>();
        Thread.ofVirtual().start(() -> {
            try {
                result.complete(body.get());
            } catch (Throwable t) {
                result.completeExceptionally(new java.util.concurrent.CompletionException(t));
            }
        });
        return result;
    }
}
