package dev.autogen.ext.opentelemetry;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * The attribute keys and values this module writes, from the OpenTelemetry GenAI and messaging
 * semantic conventions (still in development upstream, so defined here rather than taken from the
 * incubating semconv artifact). Useful for queries and tests.
 */
public final class GenAiAttributes {
    private GenAiAttributes() {
    }

    /** {@code gen_ai.operation.name}: {@link #INVOKE_WORKFLOW}, {@link #INVOKE_AGENT}, {@link #CHAT}, {@link #EXECUTE_TOOL}. */
    public static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("gen_ai.operation.name");
    /** {@code gen_ai.provider.name}: {@code openai}, {@code azure.ai.openai}, {@code anthropic}, {@code ollama}, ... */
    public static final AttributeKey<String> PROVIDER_NAME = AttributeKey.stringKey("gen_ai.provider.name");
    /** {@code gen_ai.request.model}: the model asked for. */
    public static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    /** {@code gen_ai.request.temperature}. */
    public static final AttributeKey<Double> REQUEST_TEMPERATURE = AttributeKey.doubleKey("gen_ai.request.temperature");
    /** {@code gen_ai.request.top_p}. */
    public static final AttributeKey<Double> REQUEST_TOP_P = AttributeKey.doubleKey("gen_ai.request.top_p");
    /** {@code gen_ai.request.max_tokens}. */
    public static final AttributeKey<Long> REQUEST_MAX_TOKENS = AttributeKey.longKey("gen_ai.request.max_tokens");
    /** {@code gen_ai.request.seed}. */
    public static final AttributeKey<Long> REQUEST_SEED = AttributeKey.longKey("gen_ai.request.seed");
    /** {@code gen_ai.response.finish_reasons}. */
    public static final AttributeKey<List<String>> RESPONSE_FINISH_REASONS =
            AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
    /** {@code gen_ai.usage.input_tokens}. */
    public static final AttributeKey<Long> USAGE_INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    /** {@code gen_ai.usage.output_tokens}. */
    public static final AttributeKey<Long> USAGE_OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
    /** {@code gen_ai.agent.name}. */
    public static final AttributeKey<String> AGENT_NAME = AttributeKey.stringKey("gen_ai.agent.name");
    /** {@code gen_ai.agent.id}: the id of the agent hosting it in the runtime, {@code type/key}. */
    public static final AttributeKey<String> AGENT_ID = AttributeKey.stringKey("gen_ai.agent.id");
    /** {@code gen_ai.agent.description}. */
    public static final AttributeKey<String> AGENT_DESCRIPTION = AttributeKey.stringKey("gen_ai.agent.description");
    /** {@code gen_ai.workflow.name}: the team's group chat manager. */
    public static final AttributeKey<String> WORKFLOW_NAME = AttributeKey.stringKey("gen_ai.workflow.name");
    /** {@code gen_ai.conversation.id}: the team's id, shared by every run of the team until it is reset. */
    public static final AttributeKey<String> CONVERSATION_ID = AttributeKey.stringKey("gen_ai.conversation.id");
    /** {@code gen_ai.tool.name}. */
    public static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");
    /** {@code gen_ai.tool.call.id}. */
    public static final AttributeKey<String> TOOL_CALL_ID = AttributeKey.stringKey("gen_ai.tool.call.id");
    /** {@code gen_ai.tool.type}: always {@code function}. */
    public static final AttributeKey<String> TOOL_TYPE = AttributeKey.stringKey("gen_ai.tool.type");
    /** {@code gen_ai.tool.call.arguments}; only with message content capture on. */
    public static final AttributeKey<String> TOOL_CALL_ARGUMENTS = AttributeKey.stringKey("gen_ai.tool.call.arguments");
    /** {@code gen_ai.tool.call.result}; only with message content capture on. */
    public static final AttributeKey<String> TOOL_CALL_RESULT = AttributeKey.stringKey("gen_ai.tool.call.result");
    /** {@code gen_ai.input.messages} (JSON); only with message content capture on. */
    public static final AttributeKey<String> INPUT_MESSAGES = AttributeKey.stringKey("gen_ai.input.messages");
    /** {@code gen_ai.output.messages} (JSON); only with message content capture on. */
    public static final AttributeKey<String> OUTPUT_MESSAGES = AttributeKey.stringKey("gen_ai.output.messages");
    /** {@code gen_ai.token.type} on {@code gen_ai.client.token.usage}: {@code input} or {@code output}. */
    public static final AttributeKey<String> TOKEN_TYPE = AttributeKey.stringKey("gen_ai.token.type");
    /** {@code error.type}: the exception's class name, or {@link #TOOL_ERROR}. */
    public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    /** {@code messaging.system}: always {@code autogen}. */
    public static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    /** {@code messaging.operation.type}: {@code send} (send and publish) or {@code process}. */
    public static final AttributeKey<String> MESSAGING_OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
    /** {@code messaging.operation.name}: {@code send}, {@code publish} or {@code process}. */
    public static final AttributeKey<String> MESSAGING_OPERATION_NAME = AttributeKey.stringKey("messaging.operation.name");
    /** {@code messaging.destination.name}: Python's form, {@code type.(key)-A} or {@code type.(source)-T}. */
    public static final AttributeKey<String> MESSAGING_DESTINATION_NAME = AttributeKey.stringKey("messaging.destination.name");
    /** {@code messaging.message.id}. */
    public static final AttributeKey<String> MESSAGING_MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    /** {@code messaging.message.type}: the message's class name (Python writes its type name). */
    public static final AttributeKey<String> MESSAGING_MESSAGE_TYPE = AttributeKey.stringKey("messaging.message.type");
    /** {@code messaging.batch.message_count} on publish spans: how many agents the message was queued for. */
    public static final AttributeKey<Long> MESSAGING_BATCH_MESSAGE_COUNT =
            AttributeKey.longKey("messaging.batch.message_count");

    /** Operation of a team run. */
    public static final String INVOKE_WORKFLOW = "invoke_workflow";
    /** Operation of an agent's turn. */
    public static final String INVOKE_AGENT = "invoke_agent";
    /** Operation of a model call. */
    public static final String CHAT = "chat";
    /** Operation of a tool call. */
    public static final String EXECUTE_TOOL = "execute_tool";
    /** {@code error.type} of a tool call that returned an error result instead of throwing. */
    public static final String TOOL_ERROR = "tool_error";
    /** {@code messaging.system} of the runtime's spans. */
    public static final String AUTOGEN = "autogen";
}
