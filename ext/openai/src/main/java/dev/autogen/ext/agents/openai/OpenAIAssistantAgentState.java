package dev.autogen.ext.agents.openai;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.autogen.core.serialization.AutogenJson;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link OpenAIAssistantAgent#saveState()} saves, in the JSON of Python's
 * {@code OpenAIAssistantAgentState}: the ids of the assistant, thread and vector store on the server,
 * the messages the thread had before the agent first used it, and the files it uploaded. A state saved
 * by either language loads in the other.
 *
 * @param type always {@value #TYPE}
 * @param assistantId the assistant's id, null if none was created or given yet
 * @param threadId the thread's id, null if none was created or given yet
 * @param initialMessageIds the thread's messages before the agent's first turn; {@code onReset} keeps these
 * @param vectorStoreId the vector store the agent created for file search, or null
 * @param uploadedFileIds the files the agent uploaded
 */
@JsonPropertyOrder({"type", "assistant_id", "thread_id", "initial_message_ids", "vector_store_id", "uploaded_file_ids"})
public record OpenAIAssistantAgentState(String type, @Nullable String assistantId, @Nullable String threadId,
        List<String> initialMessageIds, @Nullable String vectorStoreId, List<String> uploadedFileIds) {
    /** The state's type name, as Python writes it. */
    public static final String TYPE = "OpenAIAssistantAgentState";

    @JsonCreator
    public OpenAIAssistantAgentState(@Nullable String type, @Nullable String assistantId, @Nullable String threadId,
            @Nullable List<String> initialMessageIds, @Nullable String vectorStoreId,
            @Nullable List<String> uploadedFileIds) {
        this.type = TYPE;
        this.assistantId = assistantId;
        this.threadId = threadId;
        this.initialMessageIds = initialMessageIds == null ? List.of() : List.copyOf(initialMessageIds);
        this.vectorStoreId = vectorStoreId;
        this.uploadedFileIds = uploadedFileIds == null ? List.of() : List.copyOf(uploadedFileIds);
    }

    /** The state as a JSON-ready map, as Python's {@code model_dump()} writes it (nulls included). */
    public Map<String, Object> toMap() {
        return AutogenJson.mapper().convertValue(this, new TypeReference<Map<String, Object>>() {
        });
    }

    /**
     * Reads a saved state.
     *
     * @throws IllegalArgumentException if it is another type of state or a field has the wrong shape,
     *     naming the field
     */
    public static OpenAIAssistantAgentState fromMap(Map<String, ?> state) {
        Objects.requireNonNull(state, "state");
        Object type = state.get("type");
        if (type != null && !TYPE.equals(type)) {
            throw new IllegalArgumentException("type: expected an " + TYPE + " but the state's type is '" + type + "'");
        }
        try {
            return AutogenJson.mapper().convertValue(state, OpenAIAssistantAgentState.class);
        } catch (IllegalArgumentException e) {
            String where = "";
            if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                where = mapping.getPath().getLast().getFieldName() + ": ";
            }
            throw new IllegalArgumentException(where + "invalid " + TYPE + ": expected ids as strings and lists of"
                    + " strings", e);
        }
    }
}
