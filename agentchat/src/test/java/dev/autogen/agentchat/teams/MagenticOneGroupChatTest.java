package dev.autogen.agentchat.teams;

import static dev.autogen.agentchat.teams.RoundRobinGroupChatTest.agent;
import static dev.autogen.agentchat.teams.RoundRobinGroupChatTest.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.agentchat.base.TeamRunException;
import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.messages.SelectSpeakerEvent;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelFamily;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MagenticOneGroupChatTest {
    static final String TEAM = "coder: Writes code.\nwriter: Writes prose.";

    static String ledger(boolean satisfied, boolean progress, boolean loop, String speaker, String instruction) {
        return """
                {"is_request_satisfied": {"reason": "%s", "answer": %s},
                 "is_in_loop": {"reason": "r", "answer": %s},
                 "is_progress_being_made": {"reason": "r", "answer": %s},
                 "next_speaker": {"reason": "r", "answer": "%s"},
                 "instruction_or_question": {"reason": "r", "answer": "%s"}}
                """.formatted(satisfied ? "All done." : "Not yet.", satisfied, loop, progress, speaker, instruction);
    }

    static String next(String speaker, String instruction) {
        return ledger(false, true, false, speaker, instruction);
    }

    static String stalled(String speaker, String instruction) {
        return ledger(false, false, false, speaker, instruction);
    }

    static String satisfied() {
        return ledger(true, true, false, "", "");
    }

    static AssistantAgent described(String name, String description, String... replies) {
        return AssistantAgent.builder(name, new ReplayChatCompletionClient(List.of((Object[]) replies)))
                .description(description).build();
    }

    static String text(LLMMessage message) {
        return switch (message) {
            case UserMessage user -> user.content().toText();
            case dev.autogen.core.models.AssistantMessage assistant -> assistant.content().toString();
            default -> message.toString();
        };
    }

    static String lastPrompt(CreateRequest request) {
        return text(request.messages().getLast());
    }

    @Test
    void plansDelegatesAndAnswersWhenTheLedgerSaysTheRequestIsSatisfied() {
        var orchestratorModel = new ReplayChatCompletionClient(List.of("FACTS", "PLAN",
                next("writer", "Write a haiku."), satisfied(), "Here is your haiku."));
        var writer = described("writer", "Writes prose.", "An old silent pond");
        var team = MagenticOneGroupChat.builder(List.of(described("coder", "Writes code."), writer), orchestratorModel)
                .build();

        TaskResult result = team.run("Write a haiku.");

        String ledger = MagenticOnePrompts.format(MagenticOnePrompts.ORCHESTRATOR_TASK_LEDGER_FULL_PROMPT,
                Map.of("task", "Write a haiku.", "team", TEAM, "facts", "FACTS", "plan", "PLAN"));
        assertThat(texts(result)).containsExactly("user: Write a haiku.", "MagenticOneOrchestrator: " + ledger,
                "MagenticOneOrchestrator: Write a haiku.", "writer: An old silent pond",
                "MagenticOneOrchestrator: Here is your haiku.");
        assertThat(result.stopReason()).isEqualTo("All done.");
        assertThat(result.messages()).allMatch(m -> m instanceof TextMessage);
        // as in Python, only the participants' messages carry usage: not the ledger, instructions or answer
        assertThat(result.messages()).filteredOn(m -> m.source().equals("MagenticOneOrchestrator"))
                .hasSize(3).allMatch(m -> ((TextMessage) m).modelsUsage() == null);

        List<CreateRequest> calls = orchestratorModel.createCalls();
        assertThat(calls).hasSize(5);
        assertThat(calls.get(0).messages()).extracting(MagenticOneGroupChatTest::text).containsExactly(
                MagenticOnePrompts.format(MagenticOnePrompts.ORCHESTRATOR_TASK_LEDGER_FACTS_PROMPT,
                        Map.of("task", "Write a haiku.")));
        assertThat(calls.get(0).messages().getFirst().toString()).startsWith("UserMessage");
        assertThat(calls.get(1).messages()).hasSize(3);
        assertThat(lastPrompt(calls.get(1))).isEqualTo(MagenticOnePrompts.format(
                MagenticOnePrompts.ORCHESTRATOR_TASK_LEDGER_PLAN_PROMPT, Map.of("team", TEAM)));
        String progressPrompt = MagenticOnePrompts.format(MagenticOnePrompts.ORCHESTRATOR_PROGRESS_LEDGER_PROMPT,
                Map.of("task", "Write a haiku.", "team", TEAM, "names", "coder, writer"));
        assertThat(lastPrompt(calls.get(2))).isEqualTo(progressPrompt).contains("(select from: coder, writer)")
                .contains("    {\n       \"is_request_satisfied\": {\n            \"reason\": string,");
        // the ledger (as the orchestrator's own message), the instruction, the writer's reply, then the prompt
        assertThat(calls.get(3).messages()).extracting(MagenticOneGroupChatTest::text).containsExactly(
                ledger, "Write a haiku.", "An old silent pond", progressPrompt);
        assertThat(lastPrompt(calls.get(4))).isEqualTo(MagenticOnePrompts.format(
                MagenticOnePrompts.ORCHESTRATOR_FINAL_ANSWER_PROMPT, Map.of("task", "Write a haiku.")));
        // the writer saw the task ledger and the instruction, as messages from the orchestrator
        assertThat(writer.modelContext().getMessages()).extracting(MagenticOneGroupChatTest::text)
                .containsExactly(ledger, "Write a haiku.", "An old silent pond");
    }

    @Test
    void rePlansWithUpdatedFactsAndPlanAfterMaxStalls() {
        var orchestratorModel = new ReplayChatCompletionClient(List.of("FACTS", "PLAN",
                stalled("coder", "Try A."), ledger(false, true, true, "coder", "Try A again."),
                "NEW FACTS", "NEW PLAN", next("writer", "Summarize."), satisfied(), "Final."));
        var coder = described("coder", "Writes code.", "A failed.", "A failed again.");
        var team = MagenticOneGroupChat.builder(List.of(coder, described("writer", "Writes prose.", "Summary.")),
                orchestratorModel).maxStalls(2).build();

        TaskResult result = team.run("Do A.");

        List<CreateRequest> calls = orchestratorModel.createCalls();
        assertThat(calls).hasSize(9);
        assertThat(lastPrompt(calls.get(4))).isEqualTo(MagenticOnePrompts.format(
                MagenticOnePrompts.ORCHESTRATOR_TASK_LEDGER_FACTS_UPDATE_PROMPT, Map.of("task", "Do A.", "facts", "FACTS")));
        assertThat(lastPrompt(calls.get(5))).isEqualTo(MagenticOnePrompts.format(
                MagenticOnePrompts.ORCHESTRATOR_TASK_LEDGER_PLAN_UPDATE_PROMPT, Map.of("team", TEAM)));
        assertThat(text(calls.get(5).messages().get(calls.get(5).messages().size() - 2))).isEqualTo("NEW FACTS");
        String newLedger = MagenticOnePrompts.format(MagenticOnePrompts.ORCHESTRATOR_TASK_LEDGER_FULL_PROMPT,
                Map.of("task", "Do A.", "team", TEAM, "facts", "NEW FACTS", "plan", "NEW PLAN"));
        assertThat(texts(result)).containsExactly("user: Do A.",
                "MagenticOneOrchestrator: " + MagenticOnePrompts.format(
                        MagenticOnePrompts.ORCHESTRATOR_TASK_LEDGER_FULL_PROMPT,
                        Map.of("task", "Do A.", "team", TEAM, "facts", "FACTS", "plan", "PLAN")),
                "MagenticOneOrchestrator: Try A.", "coder: A failed.",
                "MagenticOneOrchestrator: " + newLedger,
                "MagenticOneOrchestrator: Summarize.", "writer: Summary.", "MagenticOneOrchestrator: Final.");
        // re-planning starts a fresh thread from the new ledger, and resets the participants
        assertThat(text(calls.get(6).messages().getFirst())).isEqualTo(newLedger);
        assertThat(calls.get(6).messages()).hasSize(2);
        assertThat(coder.modelContext().getMessages()).isEmpty();

        JsonNode state = AutogenJson.mapper().valueToTree(team.saveState()).at("/agent_states/MagenticOneOrchestrator");
        assertThat(RoundRobinGroupChatTest.fieldNames(state)).containsExactly("type", "version", "message_thread",
                "current_turn", "task", "facts", "plan", "n_rounds", "n_stalls");
        assertThat(state.get("type").asText()).isEqualTo("MagenticOneOrchestratorState");
        assertThat(state.get("facts").asText()).isEqualTo("NEW FACTS");
        assertThat(state.get("plan").asText()).isEqualTo("NEW PLAN");
        assertThat(state.get("n_rounds").asInt()).isEqualTo(4);
        assertThat(state.get("message_thread")).hasSize(4);
    }

    @Test
    void retriesAProgressLedgerThatIsNotJsonOrLacksKeys() {
        var orchestratorModel = new ReplayChatCompletionClient(List.of("FACTS", "PLAN",
                "I think the writer should go next.", "{\"is_request_satisfied\": {\"answer\": false}}",
                "```json\n" + next("writer", "Go.") + "```", satisfied(), "Done."));
        var team = MagenticOneGroupChat.builder(List.of(described("coder", "Writes code."),
                described("writer", "Writes prose.", "Went.")), orchestratorModel).build();

        TaskResult result = team.run("task");

        assertThat(texts(result)).endsWith("MagenticOneOrchestrator: Go.", "writer: Went.", "MagenticOneOrchestrator: Done.");
        assertThat(orchestratorModel.createCalls()).hasSize(7);
    }

    @Test
    void failsAfterTenUnparsableLedgers() {
        List<Object> replies = new java.util.ArrayList<>(List.of("FACTS", "PLAN"));
        for (int i = 0; i < 10; i++) {
            replies.add("not json " + i);
        }
        replies.add(satisfied());
        var orchestratorModel = new ReplayChatCompletionClient(replies);
        var team = MagenticOneGroupChat.builder(List.of(described("coder", "Writes code."),
                described("writer", "Writes prose.")), orchestratorModel).build();

        assertThatThrownBy(() -> team.run("task")).isInstanceOf(TeamRunException.class)
                .hasMessageContaining("Failed to parse ledger information after multiple retries.");
        assertThat(orchestratorModel.createCalls()).hasSize(12);
    }

    @Test
    void aSpeakerWhoIsNotAParticipantFailsTheRun() {
        var team = MagenticOneGroupChat.builder(List.of(described("coder", "Writes code."),
                described("writer", "Writes prose.")), new ReplayChatCompletionClient(List.of("F", "P",
                next("painter", "Paint.")))).build();
        assertThatThrownBy(() -> team.run("task")).hasMessageContaining("Invalid next speaker: painter")
                .hasMessageContaining("[coder, writer]");
    }

    @Test
    void maxTurnsBoundsTheRoundsThenTheOrchestratorAnswers() {
        var orchestratorModel = new ReplayChatCompletionClient(List.of("F", "P", next("coder", "One."),
                next("coder", "Two."), "Best effort."));
        var team = MagenticOneGroupChat.builder(List.of(agent("coder", "1", "2"), agent("writer")), orchestratorModel)
                .maxTurns(1).emitTeamEvents(true).build();

        TaskResult result = team.run("task");

        assertThat(result.stopReason()).isEqualTo("Max rounds reached.");
        assertThat(texts(result).subList(2, texts(result).size())).containsExactly(
                "MagenticOneOrchestrator: One.", "MagenticOneOrchestrator: ['coder']", "coder: 1",
                "MagenticOneOrchestrator: Two.", "MagenticOneOrchestrator: ['coder']", "coder: 2",
                "MagenticOneOrchestrator: Best effort.");
        assertThat(result.messages()).filteredOn(m -> m instanceof SelectSpeakerEvent).hasSize(2);
    }

    @Test
    void aSingleParticipantIsAlwaysTheNextSpeakerAndJsonModeIsAskedWhenSupported() {
        var info = new ModelInfo(false, false, true, ModelFamily.UNKNOWN, false, null);
        var orchestratorModel = new ReplayChatCompletionClient(List.of("F", "P", next("nobody", "Go."), satisfied(),
                "Done."), info);
        var team = MagenticOneGroupChat.builder(List.of(agent("solo", "went")), orchestratorModel).build();

        assertThat(texts(team.run("task"))).endsWith("MagenticOneOrchestrator: Go.", "solo: went",
                "MagenticOneOrchestrator: Done.");
        assertThat(orchestratorModel.createCalls().get(2).jsonOutput()).isNotNull();
        assertThat(orchestratorModel.createCalls().get(0).jsonOutput()).isNull();
    }

    @Test
    void teamsAreNotAcceptedAsParticipants() {
        var inner = RoundRobinGroupChat.builder(List.of(agent("a"))).build();
        assertThatThrownBy(() -> MagenticOneGroupChat.builder(List.of(), ReplayChatCompletionClient.of()).build())
                .hasMessageContaining("At least one participant");
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<AssistantAgent> sneaky = (List) List.of(inner);
        assertThatThrownBy(() -> MagenticOneGroupChat.builder(sneaky, ReplayChatCompletionClient.of()).build())
                .hasMessageContaining("must be an agent");
    }

    @Test
    void configRoundTripsThroughTheComponentLoader() {
        var team = MagenticOneGroupChat.builder(List.of(agent("coder")), ReplayChatCompletionClient.of("x"))
                .maxStalls(5).build();
        ComponentModel model = team.dumpComponent();
        JsonNode json = AutogenJson.mapper().valueToTree(model);
        assertThat(json.get("provider").asText()).isEqualTo("autogen_agentchat.teams.MagenticOneGroupChat");
        assertThat(json.get("component_type").asText()).isEqualTo("team");
        assertThat(RoundRobinGroupChatTest.fieldNames(json.get("config"))).containsExactly("name", "description",
                "participants", "model_client", "max_turns", "max_stalls",
                "final_answer_prompt", "emit_team_events");
        assertThat(json.at("/config/max_turns").asInt()).isEqualTo(20);
        assertThat(json.at("/config/final_answer_prompt").asText())
                .isEqualTo(MagenticOnePrompts.ORCHESTRATOR_FINAL_ANSWER_PROMPT);

        MagenticOneGroupChat loaded = ComponentLoader.loadComponent(model, MagenticOneGroupChat.class);
        assertThat(loaded.maxStalls()).isEqualTo(5);
        assertThat(loaded.maxTurns()).isEqualTo(20);
        assertThat(loaded.participants()).hasSize(1);
    }
}
