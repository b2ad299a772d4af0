package dev.autogen.ext.mcp.server;

import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.agentchat.base.MessageStream;
import dev.autogen.agentchat.base.TaskResult;
import dev.autogen.agentchat.base.TaskRunner;
import dev.autogen.agentchat.base.Team;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.ModelClientStreamingChunkEvent;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent or team as one MCP tool: {@code {"task": "..."}} in; the final answer (the text of the run's
 * last message) and the stop reason out, as text and as structured content; a progress notification per
 * message when the client asks for progress. Calls run one at a time, each on the runner reset first, so
 * every call is a task of its own whoever makes it.
 */
final class TaskRunnerTool {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRunnerTool.class);
    private static final Map<String, Object> INPUT_SCHEMA = Map.of(
            "type", "object",
            "properties", Map.of("task", Map.of("type", "string", "description", "The task to carry out.")),
            "required", List.of("task"));
    private static final Map<String, Object> OUTPUT_SCHEMA = Map.of(
            "type", "object",
            "properties", Map.of(
                    "final_answer", Map.of("type", "string", "description", "The text of the run's last message."),
                    "stop_reason", Map.of("type", List.of("string", "null"), "description", "Why the run stopped."),
                    "messages", Map.of("type", "integer", "description", "How many messages the run produced.")),
            "required", List.of("final_answer", "messages"));

    private final TaskRunner runner;
    private final String name;
    private final String description;
    private final ReentrantLock oneAtATime = new ReentrantLock();

    TaskRunnerTool(TaskRunner runner, String name, String description) {
        this.runner = runner;
        this.name = name;
        this.description = description;
    }

    String name() {
        return name;
    }

    McpServerFeatures.SyncToolSpecification specification() {
        McpSchema.Tool tool = McpSchema.Tool.builder().name(name).description(description)
                .inputSchema(INPUT_SCHEMA).outputSchema(OUTPUT_SCHEMA).build();
        return McpServerFeatures.SyncToolSpecification.builder().tool(tool).callHandler(this::call).build();
    }

    McpSchema.CallToolResult call(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
        Object task = request.arguments() == null ? null : request.arguments().get("task");
        if (!(task instanceof String text) || text.isBlank()) {
            return error("tool '" + name + "' needs a non-empty string 'task'");
        }
        Object progressToken = request.meta() == null ? null : request.meta().get("progressToken");
        oneAtATime.lock();
        try {
            reset();
            TaskResult result;
            try (MessageStream<TaskResult> stream = runner.runStream(text)) {
                int count = 0;
                for (BaseMessage message : stream) {
                    if (progressToken != null && !(message instanceof ModelClientStreamingChunkEvent)) {
                        exchange.progressNotification(new McpSchema.ProgressNotification(progressToken, ++count, null,
                                message.source() + ": " + message.toText()));
                    }
                }
                result = stream.result();
            }
            return answer(result);
        } catch (RuntimeException e) {
            LOG.debug("the run of tool '{}' failed", name, e);
            return error("the run of '" + name + "' failed: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
        } finally {
            oneAtATime.unlock();
        }
    }

    private void reset() {
        switch (runner) {
            case Team team -> team.reset();
            case ChatAgent agent -> agent.reset();
            default -> {
            }
        }
    }

    private static McpSchema.CallToolResult answer(TaskResult result) {
        List<BaseMessage> messages = result.messages();
        String finalAnswer = messages.isEmpty() ? "" : messages.getLast().toText();
        Map<String, @Nullable Object> structured = new LinkedHashMap<>();
        structured.put("final_answer", finalAnswer);
        structured.put("stop_reason", result.stopReason());
        structured.put("messages", messages.size());
        var builder = McpSchema.CallToolResult.builder().addTextContent(finalAnswer).structuredContent(structured)
                .isError(false);
        return builder.build();
    }

    private static McpSchema.CallToolResult error(String message) {
        return McpSchema.CallToolResult.builder().addTextContent(message).isError(true).build();
    }
}
