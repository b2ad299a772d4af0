package dev.autogen.agentchat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.agentchat.base.TerminationCondition;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.HandoffMessage;
import dev.autogen.agentchat.messages.ModelClientStreamingChunkEvent;
import dev.autogen.agentchat.messages.SelectorEvent;
import dev.autogen.agentchat.state.SelectorManagerState;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.model_context.ChatCompletionContext;
import dev.autogen.core.model_context.UnboundedChatCompletionContext;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.ChatCompletionChunk;
import dev.autogen.core.models.ChatCompletionStream;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.CreateStreamItem;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.ModelFamily;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.UserContent;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.utils.PythonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses each speaker with the selector function, else with the model, as Python's
 * {@code SelectorGroupChatManager}. The model reads the history kept in the model context, which
 * receives every chat message of the conversation (a handoff's context messages first).
 */
final class SelectorGroupChatManager extends BaseGroupChatManager {
    private static final Logger LOG = LoggerFactory.getLogger(SelectorGroupChatManager.class);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private final SelectorGroupChat team;
    private final ChatCompletionContext modelContext;
    private final boolean emitTeamEvents;
    private @Nullable String previousSpeaker;
    /** How many messages of the thread the model context has received. */
    private int messagesInContext;

    SelectorGroupChatManager(TeamWiring wiring, SelectorGroupChat team) {
        super(wiring);
        this.team = team;
        this.emitTeamEvents = wiring.emitTeamEvents();
        this.modelContext = team.modelContext() != null ? team.modelContext() : new UnboundedChatCompletionContext();
    }

    @Override
    protected List<String> selectSpeakers(List<BaseMessage> thread, CancellationToken token) {
        updateModelContext(thread);
        List<String> names = participantNames();
        if (team.selectorFunc() != null) {
            String speaker = team.selectorFunc().select(thread);
            if (speaker != null) {
                if (!names.contains(speaker)) {
                    throw new IllegalArgumentException("Selector function returned an invalid speaker name: " + speaker
                            + ". Expected one of: " + PythonText.repr(names) + ".");
                }
                return List.of(speaker);
            }
        }
        List<String> candidates;
        if (team.candidateFunc() != null) {
            candidates = team.candidateFunc().candidates(thread);
            if (candidates == null || candidates.isEmpty()) {
                throw new IllegalArgumentException("Candidate function must return a non-empty list of participant names.");
            }
            if (!names.containsAll(candidates)) {
                throw new IllegalArgumentException("Candidate function returned invalid participant names: "
                        + PythonText.repr(candidates) + ". Expected one of: " + PythonText.repr(names) + ".");
            }
            candidates = List.copyOf(candidates);
        } else if (previousSpeaker != null && !team.allowRepeatedSpeaker()) {
            candidates = names.stream().filter(n -> !n.equals(previousSpeaker)).toList();
        } else {
            candidates = names;
        }
        String speaker = candidates.size() > 1 ? selectWithModel(roles(), candidates, token) : candidates.get(0);
        previousSpeaker = speaker;
        LOG.debug("Selected speaker: {}", speaker);
        return List.of(speaker);
    }

    /** Gives the model context the chat messages that joined the thread since the last selection. */
    private void updateModelContext(List<BaseMessage> thread) {
        for (BaseMessage message : thread.subList(Math.min(messagesInContext, thread.size()), thread.size())) {
            if (message instanceof BaseChatMessage chat) {
                if (chat instanceof HandoffMessage handoff) {
                    handoff.context().forEach(modelContext::addMessage);
                }
                modelContext.addMessage(chat.toModelMessage());
            }
        }
        messagesInContext = thread.size();
    }

    /** Each participant as {@code name: description} on one line. */
    private String roles() {
        List<String> lines = new ArrayList<>();
        participantDescriptions().forEach((name, description) ->
                lines.add(WHITESPACE.matcher(name + ": " + description).replaceAll(" ").strip()));
        return String.join("\n", lines).strip();
    }

    private String selectWithModel(String roles, List<String> candidates, CancellationToken token) {
        String history = messageHistory(modelContext.getMessages());
        String prompt = PythonText.format(team.selectorPrompt(),
                Map.of("roles", roles, "participants", PythonText.repr(candidates), "history", history));
        List<LLMMessage> messages = new ArrayList<>();
        messages.add(ModelFamily.isOpenAI(team.modelClient().modelInfo().family())
                ? new SystemMessage(prompt) : new UserMessage(prompt, "user"));
        int maxAttempts = team.maxSelectorAttempts();
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            String reply = ask(messages, token);
            messages.add(new AssistantMessage(reply, "selector"));
            // All names count, so that a model picking the excluded previous speaker is caught.
            Map<String, Integer> mentions = mentionedAgents(reply, participantNames());
            String feedback;
            if (mentions.isEmpty()) {
                LOG.debug("Model failed to select a valid name: {} (attempt {})", reply, attempt);
                feedback = "No valid name was mentioned. Please select from: " + PythonText.repr(candidates) + ".";
            } else if (mentions.size() > 1) {
                LOG.debug("Model selected multiple names: {} (attempt {})", mentions, attempt);
                feedback = "Expected exactly one name to be mentioned. Please select only one from: "
                        + PythonText.repr(candidates) + ".";
            } else {
                String name = mentions.keySet().iterator().next();
                if (!team.allowRepeatedSpeaker() && name.equals(previousSpeaker)) {
                    LOG.debug("Model selected the previous speaker: {} (attempt {})", name, attempt);
                    feedback = "Repeated speaker is not allowed, please select a different name from: "
                            + PythonText.repr(candidates) + ".";
                } else {
                    LOG.debug("Model selected a valid name: {} (attempt {})", name, attempt);
                    return name;
                }
            }
            messages.add(new UserMessage(feedback, "user"));
        }
        if (previousSpeaker != null) {
            LOG.warn("Model failed to select a speaker after {}, using the previous speaker.", maxAttempts);
            return previousSpeaker;
        }
        LOG.warn("Model failed to select a speaker after {} and there was no previous speaker, using the first "
                + "participant.", maxAttempts);
        return candidates.get(0);
    }

    /** One call to the selector model, streamed when configured; the reply's text. */
    private String ask(List<LLMMessage> messages, CancellationToken token) {
        CreateRequest request = CreateRequest.builder(messages).cancellationToken(token).build();
        CreateResult result;
        if (team.modelClientStreaming()) {
            result = null;
            try (ChatCompletionStream stream = team.modelClient().createStream(request)) {
                for (CreateStreamItem item : stream) {
                    switch (item) {
                        case ChatCompletionChunk chunk -> {
                            if (emitTeamEvents) {
                                emit(new ModelClientStreamingChunkEvent(chunk.content(), name(), null));
                            }
                        }
                        case CreateResult last -> {
                            result = last;
                            if (emitTeamEvents && last.content() instanceof ModelContent.Text text) {
                                emit(new SelectorEvent(text.text(), name()));
                            }
                        }
                    }
                }
            }
            if (result == null) {
                throw new IllegalStateException("the selector model's stream ended without a final result");
            }
        } else {
            result = team.modelClient().create(request);
        }
        if (!(result.content() instanceof ModelContent.Text text)) {
            throw new IllegalStateException("the selector model must answer with a participant name, but it asked to "
                    + "call functions: " + result.content());
        }
        return text.text();
    }

    /** The history as the selector reads it: {@code source: content} per user or assistant message, a blank line apart. */
    static String messageHistory(List<LLMMessage> messages) {
        List<String> entries = new ArrayList<>();
        for (LLMMessage message : messages) {
            String entry = switch (message) {
                case UserMessage user -> user.source() + ": " + switch (user.content()) {
                    case UserContent.Text text -> text.text();
                    case UserContent.Multi multi -> PythonText.repr(multi.parts());
                };
                case AssistantMessage assistant -> assistant.source() + ": " + switch (assistant.content()) {
                    case ModelContent.Text text -> text.text();
                    case ModelContent.FunctionCalls calls -> calls.calls().stream()
                            .map(SelectorGroupChatManager::reprCall).collect(Collectors.joining(", ", "[", "]"));
                };
                default -> null;
            };
            if (entry != null) {
                entries.add(entry.stripTrailing() + "\n\n");
            }
        }
        return String.join("\n", entries);
    }

    private static String reprCall(FunctionCall call) {
        return PythonText.reprObject("FunctionCall", "id", call.id(), "arguments", call.arguments(), "name", call.name());
    }

    /**
     * How often each name is mentioned in {@code content}, as Python's {@code _mentioned_agents}: whole
     * words, case-sensitive, an underscore in a name also matching a space or {@code \_}.
     */
    static Map<String, Integer> mentionedAgents(String content, List<String> names) {
        Map<String, Integer> mentions = new LinkedHashMap<>();
        String padded = " " + content + " ";
        for (String name : names) {
            Pattern pattern = Pattern.compile("(?<=\\W)(" + Pattern.quote(name) + "|"
                    + Pattern.quote(name.replace("_", " ")) + "|" + Pattern.quote(name.replace("_", "\\_"))
                    + ")(?=\\W)", Pattern.UNICODE_CHARACTER_CLASS);
            Matcher matcher = pattern.matcher(padded);
            int count = 0;
            while (matcher.find()) {
                count++;
            }
            if (count > 0) {
                mentions.put(name, count);
            }
        }
        return mentions;
    }

    @Override
    protected void resetState() {
        modelContext.clear();
        messagesInContext = 0;
        previousSpeaker = null;
    }

    @Override
    public Map<String, Object> saveState() {
        return stateValue().toMap();
    }

    @Override
    protected SelectorManagerState stateValue() {
        return SelectorManagerState.of(messageThread, currentTurn, previousSpeaker);
    }

    @Override
    public void loadState(Map<String, Object> state) {
        JsonNode node = AutogenJson.mapper().valueToTree(state);
        StateFields.type(node, "SelectorManagerState");
        List<BaseMessage> thread = readThread(StateFields.thread(node));
        int turn = StateFields.count(node, "current_turn");
        String previous = StateFields.participant(node, "previous_speaker", participantNames());
        messageThread.clear();
        messageThread.addAll(thread);
        messagesInContext = 0;
        currentTurn = turn;
        previousSpeaker = previous;
    }
}
