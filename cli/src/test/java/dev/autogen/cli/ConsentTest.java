package dev.autogen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.autogen.core.serialization.AutogenJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, point 1: code and programs from a loaded config run only with the user's consent, given
 * with {@code --allow-code-execution} or at the terminal, which is shown the code or command first.
 */
class ConsentTest {
    private static final String SHELL_BLOCK = "```sh\necho \"ran $((6*7))\" > proof.txt; cat proof.txt\n```";
    private static final String HOW_TO_ALLOW = "; a loaded config may do this only with your consent. If you trust this"
            + " config, pass --allow-code-execution, or run it on a terminal to be asked before each start.\n";

    @TempDir
    Path dir;

    @Test
    void aLocalExecutorIsRefusedWithoutConsentNamingItsJsonPath() throws IOException {
        Path workDir = dir.resolve("work");
        Path config = write("team.json", codingTeam(workDir));

        Cli cli = Cli.run("run", config.toString(), "--task", "Count.");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).isEqualTo("autogen: config file '" + config + "' cannot be loaded (1 problem):\n"
                + "  team.config.participants[1].config.code_executor: LocalCommandLineCodeExecutor would run the code"
                + " blocks it receives (python, shell) as programs on this machine, with your rights, in work_dir '"
                + workDir + "'" + HOW_TO_ALLOW);
        assertThat(workDir).doesNotExist();
    }

    @Test
    void aLocalExecutorRunsTheShellBlockWithAllowCodeExecution() throws IOException {
        Path workDir = dir.resolve("work");
        Path config = write("team.json", codingTeam(workDir));

        Cli cli = Cli.run("run", config.toString(), "--task", "Count.", "--allow-code-execution");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("---------- executor ----------\nran 42");
        assertThat(workDir.resolve("proof.txt")).hasContent("ran 42");
    }

    @Test
    void onATerminalTheCodeIsShownAndRunsWhenTheUserSaysYes() throws IOException {
        Path workDir = dir.resolve("work");
        Path config = write("team.json", codingTeam(workDir));

        Cli cli = Cli.runTyping("y\n", "run", config.toString(), "--task", "Count.");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.err()).isEqualTo("autogen: consent needed at team.config.participants[1].config.code_executor:"
                + " LocalCommandLineCodeExecutor would run the code blocks it receives (python, shell) as programs on this"
                + " machine, with your rights, in work_dir '" + workDir + "'. Now it asks to run:\n"
                + SHELL_BLOCK + "\n"
                + "Allow it? [y]es, [n]o (stops the run), [a]lways for this component: ");
        assertThat(workDir.resolve("proof.txt")).hasContent("ran 42");
    }

    @Test
    void controlCharactersInTheCodeCannotRedrawTheQuestion() throws IOException {
        Path workDir = dir.resolve("work");
        Path config = write("team.json", codingTeam(workDir, "```sh\nrm -rf ~ #\u001b[2K\recho harmless\n```"));

        Cli cli = Cli.runTyping("n\n", "run", config.toString(), "--task", "Count.");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("```sh\nrm -rf ~ #\\x1b[2K\\recho harmless\n```\nAllow it?")
                .doesNotContain("\u001b");
    }

    @Test
    void onATerminalNoStopsTheRunBeforeAnythingRuns() throws IOException {
        Path workDir = dir.resolve("work");
        Path config = write("team.json", codingTeam(workDir));

        Cli cli = Cli.runTyping("n\n", "run", config.toString(), "--task", "Count.");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).endsWith("\nAllow it? [y]es, [n]o (stops the run), [a]lways for this component: "
                + "autogen: the run of team 'RoundRobinGroupChat' failed: participant 'executor' failed:"
                + " team.config.participants[1].config.code_executor: LocalCommandLineCodeExecutor may not run this"
                + " without your consent, which was refused; nothing was started\n");
        assertThat(workDir).doesNotExist();
    }

    @Test
    void theEndOfInputAtThePromptIsANo() throws IOException {
        Path workDir = dir.resolve("work");
        Path config = write("team.json", codingTeam(workDir));

        Cli cli = Cli.runTyping("", "run", config.toString(), "--task", "Count.");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("which was refused; nothing was started");
        assertThat(workDir).doesNotExist();
    }

    @Test
    void aPythonCodeExecutionToolIsRefusedWithoutConsentAndRunsWithIt() throws IOException {
        Path workDir = dir.resolve("work");
        Path config = write("agent.json", assistant("coder", "tools", List.of(Map.of(
                "provider", "autogen_ext.tools.code_execution.PythonCodeExecutionTool", "component_type", "tool",
                "config", Map.of("executor", localExecutor(workDir)))),
                toolCall("CodeExecutor", "{\"code\": \"print(6 * 7)\"}")));

        Cli refused = Cli.run("run", config.toString(), "--task", "Compute.");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("autogen: config file '" + config + "' cannot be loaded (1 problem):\n"
                + "  agent.config.tools[0].config.executor: LocalCommandLineCodeExecutor would run the code blocks it"
                + " receives (python, shell) as programs on this machine, with your rights, in work_dir '" + workDir + "'"
                + HOW_TO_ALLOW);

        Cli allowed = Cli.run("run", config.toString(), "--task", "Compute.", "--allow-code-execution");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(allowed.out()).contains("---------- coder ----------\n42");
    }

    @Test
    void anMcpStdioServerIsRefusedWithoutConsentAndStartsWithIt() throws IOException {
        String server = resource("/mcp/shout_server.py");
        Path config = shouter(server, "consent given");

        Cli refused = Cli.run("run", config.toString(), "--task", "Shout.");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("autogen: config file '" + config + "' cannot be loaded (1 problem):\n"
                + "  agent.config.workbench[0]: McpWorkbench would start the MCP server command 'python3 " + server
                + "' on this machine, with your rights" + HOW_TO_ALLOW);

        Cli allowed = Cli.run("run", config.toString(), "--task", "Shout.", "--allow-code-execution");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(allowed.out()).contains("---------- shouter ----------\nCONSENT GIVEN");
    }

    @Test
    void onATerminalAnMcpServerCommandIsShownBeforeItStarts() throws IOException {
        String server = resource("/mcp/shout_server.py");
        Path config = shouter(server, "asked once");

        Cli cli = Cli.runTyping("a\n", "run", config.toString(), "--task", "Shout.");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.err()).isEqualTo("autogen: consent needed at agent.config.workbench[0]: McpWorkbench would start"
                + " the MCP server command 'python3 " + server + "' on this machine, with your rights. Now it asks to run:\n"
                + "python3 " + server + "\n"
                + "Allow it? [y]es, [n]o (stops the run), [a]lways for this component: ");
        assertThat(cli.out()).contains("ASKED ONCE");
    }

    @Test
    void theGallerysCalculatorTeamRunsItsPythonToolOnlyWithConsent() throws IOException {
        var team = (com.fasterxml.jackson.databind.node.ObjectNode) Cli.readJson(Cli.pythonFixture("default_gallery.json"))
                .at("/components/teams/0").deepCopy();
        var assistant = (com.fasterxml.jackson.databind.node.ObjectNode) team.at("/config/participants/0/config");
        assistant.set("model_client", AutogenJson.mapper().valueToTree(replay(List.of(
                toolCall("calculator", "{\"a\": 6, \"b\": 7, \"operator\": \"*\"}"), "6 times 7 is 42. TERMINATE"))));
        Path config = write("team.json", team);
        String tool = "team.config.participants[0].config.workbench[0].config.tools[0]";

        Cli refused = Cli.run("run", config.toString(), "--task", "What is 6 times 7?");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).startsWith("autogen: config file '" + config + "' cannot be loaded (1 problem):\n  " + tool
                + ": FunctionTool would run the Python function 'calculator' of this config in a '")
                .endsWith("' process on this machine, with your rights" + HOW_TO_ALLOW);

        Cli allowed = Cli.run("run", config.toString(), "--task", "What is 6 times 7?", "--allow-code-execution");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(allowed.out()).contains("---------- assistant_agent ----------\n[FunctionCall(id='call_1', arguments='{\"a\": 6,")
                .contains("[FunctionExecutionResult(content='42.0', name='calculator', call_id='call_1', is_error=False)]")
                .contains("---------- assistant_agent ----------\n42.0\n")
                .contains("---------- assistant_agent ----------\n6 times 7 is 42. TERMINATE");
    }

    /** An agent config whose model calls the {@code shout} tool of an MCP server over stdio running {@code server}. */
    private Path shouter(String server, String text) {
        return write("agent.json", assistant("shouter", "workbench", List.of(Map.of(
                "provider", "autogen_ext.tools.mcp.McpWorkbench", "component_type", "workbench",
                "config", Map.of("server_params", Map.of("type", "StdioServerParams", "command", "python3",
                        "args", List.of(server), "read_timeout_seconds", 60)))),
                toolCall("shout", "{\"text\": \"" + text + "\"}")));
    }

    private static Map<String, Object> codingTeam(Path workDir) {
        return codingTeam(workDir, SHELL_BLOCK);
    }

    private static Map<String, Object> codingTeam(Path workDir, String reply) {
        return Map.of("provider", "autogen_agentchat.teams.RoundRobinGroupChat", "component_type", "team",
                "config", Map.of(
                        "participants", List.of(
                                Map.of("provider", "autogen_agentchat.agents.AssistantAgent", "component_type", "agent",
                                        "config", Map.of("name", "writer", "model_client", replay(reply))),
                                Map.of("provider", "autogen_agentchat.agents.CodeExecutorAgent", "component_type", "agent",
                                        "config", Map.of("name", "executor", "code_executor", localExecutor(workDir)))),
                        "termination_condition", Map.of("provider", "autogen_agentchat.conditions.MaxMessageTermination",
                                "component_type", "termination", "config", Map.of("max_messages", 3))));
    }

    private static Map<String, Object> assistant(String name, String toolsField, List<?> tools, Object reply) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", name);
        config.put("model_client", replay(reply));
        config.put(toolsField, tools);
        return Map.of("provider", "autogen_agentchat.agents.AssistantAgent", "component_type", "agent", "config", config);
    }

    private static Map<String, Object> localExecutor(Path workDir) {
        return Map.of("provider", "autogen_ext.code_executors.local.LocalCommandLineCodeExecutor",
                "component_type", "code_executor", "config", Map.of("work_dir", workDir.toString()));
    }

    private static Map<String, Object> replay(Object reply) {
        return replay(List.of(reply));
    }

    private static Map<String, Object> replay(List<?> replies) {
        return Map.of("provider", "autogen_ext.models.replay.ReplayChatCompletionClient",
                "component_type", "replay_chat_completion_client", "config", Map.of("chat_completions", replies,
                        "model_info", Map.of("vision", false, "function_calling", true, "json_output", false,
                                "family", "unknown", "structured_output", false)));
    }

    private static Map<String, Object> toolCall(String name, String arguments) {
        return Map.of("finish_reason", "function_calls", "cached", false,
                "usage", Map.of("prompt_tokens", 10, "completion_tokens", 5),
                "content", List.of(Map.of("id", "call_1", "name", name, "arguments", arguments)));
    }

    private Path write(String name, Object json) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, AutogenJson.mapper().writeValueAsString(json), StandardCharsets.UTF_8);
            return file;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try {
            return Path.of(ConsentTest.class.getResource(name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
