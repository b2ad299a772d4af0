package dev.autogen.ext.teams.magentic_one;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import dev.autogen.agentchat.agents.ApprovalResponse;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.ModelFamily;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.tools.ToolSchema;
import dev.autogen.ext.models.replay.ScriptedChatCompletionClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole Magentic-One run: the orchestrator, the web surfer in Chromium, the coder and the terminal. */
class MagenticOneTest {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("AUTOGEN_CHROMIUM", "/usr/bin/chromium"));

    @TempDir
    Path work;

    static void assumeChromium() {
        boolean node = System.getenv("PLAYWRIGHT_NODEJS_PATH") != null
                || java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                        .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "node")));
        if (Files.isExecutable(CHROMIUM) && node) {
            return;
        }
        String message = (node ? "Chromium is not installed at " + CHROMIUM + ": install the Debian package chromium"
                : "Node.js is not on the PATH (Playwright's driver runs on it): install the Debian package nodejs")
                + " (scripts/install-test-deps.sh does) to run the Magentic-One browser test";
        if ("1".equals(System.getenv("AUTOGEN_TESTS_STRICT"))) {
            fail(message + " (AUTOGEN_TESTS_STRICT=1 requires it)");
        }
        Assumptions.abort(message);
    }

    static HttpServer site() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = exchange.getRequestURI().getPath().equals("/numbers")
                    ? "<title>Numbers</title><p>The magic number is 21.</p>"
                    : "<title>Home</title><h1>Home</h1><a href=\"/numbers\">Numbers</a>";
            byte[] bytes = ("<!doctype html><html><head><meta charset=\"utf-8\">" + body + "</html>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }

    static String ledger(boolean satisfied, String speaker, String instruction) {
        return """
                {"is_request_satisfied": {"reason": "r", "answer": %s},
                 "is_in_loop": {"reason": "r", "answer": false},
                 "is_progress_being_made": {"reason": "r", "answer": true},
                 "next_speaker": {"reason": "r", "answer": "%s"},
                 "instruction_or_question": {"reason": "r", "answer": "%s"}}""".formatted(satisfied, speaker, instruction);
    }

    /** One model for everybody, answering by who asks: what a real model would do, scripted. */
    static ScriptedChatCompletionClient model() {
        AtomicInteger ledgers = new AtomicInteger();
        return new ScriptedChatCompletionClient(ModelInfo.allCapabilities(ModelFamily.GPT_4O), request -> {
            String last = ScriptedChatCompletionClient.lastText(request);
            String all = ScriptedChatCompletionClient.allText(request);
            if (last.contains("please answer the following pre-survey")) {
                return "1. GIVEN OR VERIFIED FACTS\nThe number is on the test site.";
            }
            if (last.contains("To address this request we have assembled the following team")) {
                return "- WebSurfer reads the number\n- Coder doubles it\n- ComputerTerminal runs the code";
            }
            if (last.contains("Recall we are working on the following request")) {
                return switch (ledgers.incrementAndGet()) {
                    case 1 -> ledger(false, "WebSurfer", "Open the Numbers page and read the magic number.");
                    case 2 -> ledger(false, "Coder", "Write Python that prints the magic number times two.");
                    case 3 -> ledger(false, "ComputerTerminal", "Run the code.");
                    default -> ledger(true, "Coder", "Done.");
                };
            }
            if (last.contains("We are working on the following task")) {
                return "The magic number is 21, and twice it is 42.";
            }
            if (request.tools().stream().map(ToolSchema::name).anyMatch("visit_url"::equals)) {
                Matcher m = Pattern.compile("\\{\"id\": (\\d+), \"name\": \"Numbers\"").matcher(all);
                if (!m.find()) {
                    return "I cannot find the Numbers link.";
                }
                return CreateResult.ofCalls(List.of(new FunctionCall("c1",
                        "{\"reasoning\": \"open it\", \"target_id\": " + m.group(1) + "}", "click")), RequestUsage.ZERO);
            }
            if (all.contains("Solve tasks using your coding and language skills")) {
                return "```python\nprint(21 * 2)\n```";
            }
            throw new IllegalStateException("unexpected request: " + last);
        });
    }

    @Test
    void browsesRunsApprovedCodeAndAnswers() throws Exception {
        assumeChromium();
        HttpServer server = site();
        String home = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        List<String> approvals = new CopyOnWriteArrayList<>();
        var model = model();
        try (var m1 = MagenticOne.builder(model).workDir(work)
                .approvalFunc(request -> {
                    approvals.add(request.code());
                    return ApprovalResponse.approve("reviewed by the test");
                })
                .webSurfer(surfer -> surfer.browserExecutable(CHROMIUM).startPage(home).urlAllowList(List.of(home)))
                .build()) {
            assertThat(m1.participantNames()).containsExactly("FileSurfer", "WebSurfer", "Coder", "ComputerTerminal");

            TaskResult result = m1.run("What is twice the magic number on the test site?");

            List<BaseChatMessage> chat = result.messages().stream().filter(BaseChatMessage.class::isInstance)
                    .map(BaseChatMessage.class::cast).toList();
            assertThat(chat).anyMatch(m -> m.source().equals("WebSurfer")
                    && m.toModelText().contains("I clicked 'Numbers'.") && m.toModelText().contains("The magic number is 21."));
            assertThat(chat).anyMatch(m -> m.source().equals("Coder") && m.toModelText().contains("print(21 * 2)"));
            assertThat(chat).anyMatch(m -> m.source().equals("ComputerTerminal") && m.toModelText().contains("42"));
            BaseMessage last = result.messages().get(result.messages().size() - 1);
            assertThat(last).isInstanceOfSatisfying(TextMessage.class, t -> {
                assertThat(t.source()).isEqualTo("MagenticOneOrchestrator");
                assertThat(t.content()).isEqualTo("The magic number is 21, and twice it is 42.");
            });
            assertThat(approvals).singleElement().asString().contains("print(21 * 2)");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void refusedCodeDoesNotRun() throws Exception {
        Path marker = work.resolve("ran.txt");
        AtomicInteger ledgers = new AtomicInteger();
        var model = new ScriptedChatCompletionClient(ModelInfo.allCapabilities(ModelFamily.GPT_4O), request -> {
            String last = ScriptedChatCompletionClient.lastText(request);
            if (last.contains("Recall we are working on the following request")) {
                return switch (ledgers.incrementAndGet()) {
                    case 1 -> ledger(false, "Coder", "Write the file.");
                    case 2 -> ledger(false, "ComputerTerminal", "Run it.");
                    default -> ledger(true, "Coder", "Done.");
                };
            }
            if (ScriptedChatCompletionClient.allText(request).contains("Solve tasks using your coding")) {
                return "```python\nopen(r'" + marker + "', 'w').write('x')\n```";
            }
            return "ok";
        });
        try (var m1 = MagenticOne.builder(model).workDir(work).hilMode(true)
                .inputFunction((prompt, token) -> "no input needed")
                .approvalFunc(request -> ApprovalResponse.deny("not on my machine")).build()) {
            assertThat(m1.participantNames()).containsExactly("FileSurfer", "WebSurfer", "Coder", "ComputerTerminal", "User");
            TaskResult result = m1.run("Write a file.");
            assertThat(result.messages()).anyMatch(m -> m instanceof BaseChatMessage c && c.source().equals("ComputerTerminal")
                    && c.toModelText().contains("not on my machine"));
        }
        assertThat(marker).doesNotExist();
    }
}
