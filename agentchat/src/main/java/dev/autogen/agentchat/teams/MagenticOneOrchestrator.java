package dev.autogen.agentchat.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.base.TerminationCondition;
import dev.autogen.agentchat.messages.BaseAgentEvent;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.SelectSpeakerEvent;
import dev.autogen.agentchat.messages.StopMessage;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.agentchat.state.MagenticOneOrchestratorState;
import dev.autogen.agentchat.teams.events.GroupChatAgentResponse;
import dev.autogen.agentchat.teams.events.GroupChatReset;
import dev.autogen.agentchat.teams.events.GroupChatStart;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.UserContent;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.serialization.AutogenJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manager of a {@link MagenticOneGroupChat}, Python's {@code MagenticOneOrchestrator}. Its outer
 * loop writes a task ledger (facts, then a plan) and shares it with the team; its inner loop asks the
 * model for a progress ledger after every response: is the request satisfied, are we looping, are we
 * progressing, who speaks next and with what instruction. Too many stalls in a row send it back to the
 * outer loop to update the facts and the plan; a satisfied request (or the round limit) ends the run
 * with a final answer.
 */
final class MagenticOneOrchestrator extends BaseGroupChatManager {
    private static final Logger LOG = LoggerFactory.getLogger(MagenticOneOrchestrator.class);
    private static final int MAX_JSON_RETRIES = 10;
    private static final List<String> REQUIRED_KEYS = List.of("is_request_satisfied", "is_progress_being_made",
            "is_in_loop", "instruction_or_question", "next_speaker");
    private static final Pattern FENCED = Pattern.compile("```(?:\\s*([\\w+\\-]+))?\\n([\\s\\S]*?)```");

    private final ChatCompletionClient modelClient;
    private final int maxStalls;
    private final String finalAnswerPrompt;
    private final @Nullable Integer maxRounds;
    private final @Nullable TerminationCondition terminationCondition;
    private final boolean emitTeamEvents;
    private final String teamDescription;
    private String task = "";
    private String facts = "";
    private String plan = "";
    private int nRounds;
    private int nStalls;

    MagenticOneOrchestrator(TeamWiring wiring, ChatCompletionClient modelClient, int maxStalls,
            String finalAnswerPrompt) {
        // The turn limit is this orchestrator's round limit, so the base class does not count turns.
        super(wiring, null, false);
        this.modelClient = modelClient;
        this.maxStalls = maxStalls;
        this.finalAnswerPrompt = finalAnswerPrompt;
        this.maxRounds = wiring.maxTurns();
        this.terminationCondition = wiring.terminationCondition();
        this.emitTeamEvents = wiring.emitTeamEvents();
        List<String> lines = new ArrayList<>();
        participantDescriptions().forEach((participant, description) ->
                lines.add((participant + ": " + description).replaceAll("\\s+", " ").strip()));
        this.teamDescription = String.join("\n", lines).strip();
    }

    @Override
    void handleStart(GroupChatStart start, CancellationToken token) {
        markRunStarted();
        if (terminationCondition != null && terminationCondition.terminated()) {
            signalTermination(new StopMessage("The group chat has already terminated.", name()), null);
            return;
        }
        publishTask(start);
        task = String.join(" ", start.messagesOrEmpty().stream().map(BaseChatMessage::toModelText).toList());

        List<LLMMessage> planning = new ArrayList<>();
        planning.add(new UserMessage(prompt(MagenticOnePrompts.ORCHESTRATOR_TASK_LEDGER_FACTS_PROMPT), name()));
        facts = text(modelClient.create(request(planning, token, false)), "facts");
        planning.add(new AssistantMessage(facts, name()));
        planning.add(new UserMessage(prompt(MagenticOnePrompts.ORCHESTRATOR_TASK_LEDGER_PLAN_PROMPT), name()));
        plan = text(modelClient.create(request(planning, token, false)), "plan");

        nStalls = 0;
        reenterOuterLoop(token);
    }

    /** Records the speaker's reply, checks the termination condition, then takes the next step. */
    @Override
    void handleResponse(String speaker, List<BaseMessage> delta, CancellationToken token) {
        messageThread.add(delta.getLast());
        if (terminationCondition != null) {
            StopMessage stop = terminationCondition.check(delta);
            if (stop != null) {
                terminationCondition.reset();
                signalTermination(stop, null);
                return;
            }
        }
        orchestrateStep(token);
    }

    /** Resets the participants, shares the task ledger with them, and starts the inner loop afresh. */
    private void reenterOuterLoop(CancellationToken token) {
        for (String participant : participantNames()) {
            sendMessage(new GroupChatReset(), wiring().participantId(participant), token);
        }
        messageThread.clear();
        TextMessage ledger = new TextMessage(prompt(MagenticOnePrompts.ORCHESTRATOR_TASK_LEDGER_FULL_PROMPT), name());
        messageThread.add(ledger);
        broadcast(ledger, token);
        orchestrateStep(token);
    }

    private void orchestrateStep(CancellationToken token) {
        if (maxRounds != null && nRounds > maxRounds) {
            prepareFinalAnswer("Max rounds reached.", token);
            return;
        }
        nRounds++;

        List<LLMMessage> context = threadToContext();
        context.add(new UserMessage(prompt(MagenticOnePrompts.ORCHESTRATOR_PROGRESS_LEDGER_PROMPT), name()));
        JsonNode ledger = askProgressLedger(context, token);
        LOG.debug("Progress Ledger: {}", ledger);

        if (truthy(ledger.at("/is_request_satisfied/answer"))) {
            LOG.debug("Task completed, preparing final answer...");
            prepareFinalAnswer(asText(ledger.at("/is_request_satisfied/reason")), token);
            return;
        }

        if (!truthy(ledger.at("/is_progress_being_made/answer")) || truthy(ledger.at("/is_in_loop/answer"))) {
            nStalls++;
        } else {
            nStalls = Math.max(0, nStalls - 1);
        }
        if (nStalls >= maxStalls) {
            LOG.debug("Stall count exceeded, re-planning with the outer loop...");
            updateTaskLedger(token);
            reenterOuterLoop(token);
            return;
        }

        String nextSpeaker = asText(ledger.at("/next_speaker/answer"));
        TextMessage instruction = new TextMessage(asText(ledger.at("/instruction_or_question/answer")), name());
        messageThread.add(instruction);
        LOG.debug("Next Speaker: {}", nextSpeaker);
        broadcast(instruction, token);
        if (emitTeamEvents) {
            emit(new SelectSpeakerEvent(List.of(nextSpeaker), name()));
        }
        askToSpeak(nextSpeaker, token);
    }

    /**
     * Asks for the progress ledger until it parses with every required key, as Python does: up to
     * {@value #MAX_JSON_RETRIES} tries; a speaker who is not a participant fails at once.
     */
    private JsonNode askProgressLedger(List<LLMMessage> context, CancellationToken token) {
        for (int attempt = 1; attempt <= MAX_JSON_RETRIES; attempt++) {
            String raw = text(modelClient.create(request(context, token, true)), "progress ledger");
            JsonNode ledger;
            try {
                ledger = parseSingleJson(raw);
            } catch (JsonProcessingException e) {
                LOG.debug("Invalid ledger format encountered, retrying...");
                continue;
            }
            if (participantNames().size() == 1 && ledger.isObject()) {
                var speaker = AutogenJson.mapper().createObjectNode()
                        .put("reason", "The team consists of only one agent.")
                        .put("answer", participantNames().getFirst());
                ((com.fasterxml.jackson.databind.node.ObjectNode) ledger).set("next_speaker", speaker);
            }
            if (!hasRequiredKeys(ledger)) {
                LOG.debug("Failed to parse ledger information, retrying: {}", raw);
                continue;
            }
            String speaker = asText(ledger.at("/next_speaker/answer"));
            if (!truthy(ledger.at("/is_request_satisfied/answer")) && !participantNames().contains(speaker)) {
                throw new IllegalArgumentException("Invalid next speaker: " + speaker + " from the ledger, participants are: "
                        + participantNames());
            }
            return ledger;
        }
        throw new IllegalArgumentException("Failed to parse ledger information after multiple retries.");
    }

    private static boolean hasRequiredKeys(JsonNode ledger) {
        if (!ledger.isObject()) {
            return false;
        }
        for (String key : REQUIRED_KEYS) {
            JsonNode entry = ledger.get(key);
            if (entry == null || !entry.isObject() || !entry.has("answer") || !entry.has("reason")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The one JSON value in {@code content}: the whole text, or the one fenced {@code json} block in it
     * (Python's {@code extract_json_from_str}).
     *
     * @throws IllegalArgumentException for a fence in another language or several JSON blocks
     */
    static JsonNode parseSingleJson(String content) throws JsonProcessingException {
        Matcher matcher = FENCED.matcher(content);
        List<JsonNode> found = new ArrayList<>();
        while (matcher.find()) {
            String language = matcher.group(1);
            if (language != null && !language.strip().equalsIgnoreCase("json")) {
                throw new IllegalArgumentException("Expected JSON object, but found language: " + language.strip());
            }
            found.add(AutogenJson.mapper().readTree(matcher.group(2)));
        }
        if (found.isEmpty()) {
            JsonNode whole = AutogenJson.mapper().readTree(content);
            if (whole == null || whole.isMissingNode()) {
                throw new com.fasterxml.jackson.core.JsonParseException(null, "empty progress ledger");
            }
            found.add(whole);
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException("Progress ledger should contain a single JSON object, but found: "
                    + found.size());
        }
        return found.getFirst();
    }

    /** Rewrites the facts and the plan from what the team has learned. */
    private void updateTaskLedger(CancellationToken token) {
        List<LLMMessage> context = threadToContext();
        context.add(new UserMessage(prompt(MagenticOnePrompts.ORCHESTRATOR_TASK_LEDGER_FACTS_UPDATE_PROMPT), name()));
        facts = text(modelClient.create(request(context, token, false)), "facts");
        context.add(new AssistantMessage(facts, name()));
        context.add(new UserMessage(prompt(MagenticOnePrompts.ORCHESTRATOR_TASK_LEDGER_PLAN_UPDATE_PROMPT), name()));
        plan = text(modelClient.create(request(context, token, false)), "plan");
    }

    private void prepareFinalAnswer(String reason, CancellationToken token) {
        List<LLMMessage> context = threadToContext();
        String prompt = finalAnswerPrompt.equals(MagenticOnePrompts.ORCHESTRATOR_FINAL_ANSWER_PROMPT)
                ? prompt(finalAnswerPrompt) : finalAnswerPrompt;
        context.add(new UserMessage(prompt, name()));
        CreateResult result = modelClient.create(request(context, token, false));
        // Like every orchestrator message in Python, the answer carries no models_usage.
        TextMessage answer = new TextMessage(text(result, "final answer"), name());
        messageThread.add(answer);
        broadcast(answer, token);
        if (terminationCondition != null) {
            terminationCondition.reset();
        }
        signalTermination(new StopMessage(reason, name()), null);
    }

    /** Shows {@code message} to the caller and shares it with every participant. */
    private void broadcast(TextMessage message, CancellationToken token) {
        emit(message);
        publishMessage(new GroupChatAgentResponse(new Response(message), name()), wiring().groupTopic(), token);
    }

    /** The thread as model messages: events left out, the orchestrator's own messages as the assistant's. */
    private List<LLMMessage> threadToContext() {
        List<LLMMessage> context = new ArrayList<>();
        for (BaseMessage message : messageThread) {
            if (message instanceof BaseAgentEvent || !(message instanceof BaseChatMessage chat)) {
                continue;
            }
            if (chat.source().equals(name()) && !(chat instanceof StopMessage)
                    && !(chat instanceof dev.autogen.agentchat.messages.HandoffMessage)) {
                context.add(new AssistantMessage(chat.toModelText(), chat.source()));
            } else {
                context.add(chat.toModelMessage());
            }
        }
        return context;
    }

    private CreateRequest request(List<LLMMessage> messages, CancellationToken token, boolean json) {
        ModelInfo info = modelClient.modelInfo();
        var builder = CreateRequest.builder(info.vision() ? messages : withoutImages(messages)).cancellationToken(token);
        if (json && (info.jsonOutput() || info.structuredOutput())) {
            builder.jsonOutput(true);
        }
        return builder.build();
    }

    private static List<LLMMessage> withoutImages(List<LLMMessage> messages) {
        List<LLMMessage> result = new ArrayList<>(messages.size());
        for (LLMMessage message : messages) {
            if (message instanceof UserMessage user && user.content() instanceof UserContent.Multi multi) {
                List<String> parts = multi.parts().stream().map(p -> p instanceof String s ? s : "<image>").toList();
                result.add(new UserMessage(String.join("\n", parts), user.source()));
            } else {
                result.add(message);
            }
        }
        return result;
    }

    private String text(CreateResult result, String what) {
        if (result.content() instanceof ModelContent.Text text) {
            return text.text();
        }
        throw new IllegalStateException("the orchestrator's model answered the " + what
                + " request with function calls; it must answer with text");
    }

    private String prompt(String template) {
        return MagenticOnePrompts.format(template, Map.of("task", task, "team", teamDescription, "facts", facts,
                "plan", plan, "names", String.join(", ", participantNames())));
    }

    /** Python's truthiness of a JSON answer. */
    private static boolean truthy(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.doubleValue() != 0;
        }
        if (node.isTextual()) {
            return !node.textValue().isEmpty();
        }
        if (node.isContainerNode()) {
            return !node.isEmpty();
        }
        return false;
    }

    private static String asText(JsonNode node) {
        return node.isTextual() ? node.textValue() : node.isMissingNode() || node.isNull() ? "" : node.toString();
    }

    @Override
    protected List<String> selectSpeakers(List<BaseMessage> thread, CancellationToken token) {
        throw new UnsupportedOperationException("the Magentic-One orchestrator selects speakers from its progress ledger");
    }

    @Override
    protected void resetState() {
        nRounds = 0;
        nStalls = 0;
        task = "";
        facts = "";
        plan = "";
    }

    @Override
    public Map<String, Object> saveState() {
        return stateValue().toMap();
    }

    @Override
    protected MagenticOneOrchestratorState stateValue() {
        return MagenticOneOrchestratorState.of(messageThread, currentTurn, task, facts, plan, nRounds, nStalls);
    }

    @Override
    public void loadState(Map<String, Object> state) {
        JsonNode node = AutogenJson.mapper().valueToTree(state);
        messageThread.clear();
        messageThread.addAll(readThread(node.path("message_thread")));
        currentTurn = node.path("current_turn").asInt(0);
        task = node.path("task").asText("");
        facts = node.path("facts").asText("");
        plan = node.path("plan").asText("");
        nRounds = node.path("n_rounds").asInt(0);
        nStalls = node.path("n_stalls").asInt(0);
    }
}
