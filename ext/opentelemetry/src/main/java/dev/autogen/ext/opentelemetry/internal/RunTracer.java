package dev.autogen.ext.opentelemetry.internal;

import static dev.autogen.ext.opentelemetry.GenAiAttributes.*;

import dev.autogen.agentchat.teams.events.GroupChatStart;
import dev.autogen.agentchat.teams.events.GroupChatTermination;
import dev.autogen.agentchat.teams.events.SerializableException;
import dev.autogen.core.AgentId;
import dev.autogen.core.MessageContext;
import dev.autogen.core.MessageHandlerContext;
import dev.autogen.core.RuntimeListener;
import dev.autogen.core.TopicId;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.ModelCallTrace;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The listener of one run: turns its callbacks into spans. A team run (a {@link GroupChatStart} sent
 * to its manager) is an {@code invoke_workflow} span ended by the team's {@link GroupChatTermination};
 * sends, publishes and handlings are Python's {@code autogen send|publish|process} spans; turns, model
 * calls and tool calls are {@code invoke_agent}, {@code chat} and {@code execute_tool} spans.
 *
 * <p>Parents: the span current on the calling thread if any (a handler's process span, a turn, a
 * tool, or the application's own span around the run); otherwise, on threads that carry only the
 * handler's {@link MessageHandlerContext.Frame}, the agent's open turn, then the span that handled the
 * frame's message, then the trace context its metadata carries. A send or publish writes its span's
 * {@code traceparent} into the message's metadata, so the recipient's process span continues the
 * trace.
 */
public final class RunTracer implements RuntimeListener {
    private final Instruments in;
    private final Context runParent = Context.current();
    private final OpenSpans<Delivery> deliveries = new OpenSpans<>();
    private final OpenSpans<Handling> handlings = new OpenSpans<>();
    /** The process span of every message handled in this run, for work its handler hands to other threads. */
    private final Map<Handling, SpanContext> handled = new ConcurrentHashMap<>();
    private final OpenSpans<AgentId> turns = new OpenSpans<>();
    private final OpenSpans<ToolCall> tools = new OpenSpans<>();
    private final OpenSpans<ModelCallTrace> chats = new OpenSpans<>();

    /** A message on its way to an agent or a topic; the message by identity. */
    private record Delivery(Identity message, Object destination) {
    }

    /** One agent handling one message. */
    private record Handling(String messageId, AgentId agent) {
    }

    /** One tool call, started and ended on one thread. */
    private record ToolCall(Thread thread, String callId) {
    }

    /** An object compared by identity. */
    private record Identity(Object value) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity identity && identity.value == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }
    }

    /** A listener for one run, recording through {@code instruments}. */
    public RunTracer(Instruments instruments) {
        this.in = instruments;
    }

    // ------------------------------------------------------------- messaging

    @Override
    public void messageSendStart(Object message, AgentId recipient, @Nullable AgentId sender,
            Map<String, String> metadata) {
        Context parent = parent();
        if (message instanceof GroupChatStart) {
            parent = parent.with(startWorkflow(recipient, parent));
        }
        Span span = messaging("send", destination(recipient), SpanKind.PRODUCER, message, parent).startSpan();
        in.propagation.inject(parent.with(span), metadata);
        deliveries.push(new Delivery(new Identity(message), recipient), span, null);
    }

    @Override
    public void messageSendEnd(Object message, AgentId recipient, @Nullable Throwable error) {
        OpenSpans.Open open = deliveries.pop(new Delivery(new Identity(message), recipient));
        if (open != null) {
            end(open.span(), error);
        }
        if (message instanceof GroupChatStart && error != null) {
            endWorkflow(recipient.key(), error.getClass().getName(), String.valueOf(error.getMessage()));
        }
    }

    @Override
    public void messagePublishStart(Object message, TopicId topic, @Nullable AgentId sender,
            Map<String, String> metadata) {
        Context parent = parent();
        Span span = messaging("publish", destination(topic), SpanKind.PRODUCER, message, parent).startSpan();
        in.propagation.inject(parent.with(span), metadata);
        deliveries.push(new Delivery(new Identity(message), topic), span, null);
        if (message instanceof GroupChatTermination termination && topic.type().startsWith("output_topic_")) {
            SerializableException error = termination.error();
            if (error == null) {
                endWorkflow(topic.source(), null, null);
            } else {
                endWorkflow(topic.source(), error.errorType(), error.errorMessage());
            }
        }
    }

    @Override
    public void messagePublishEnd(Object message, TopicId topic, int recipients) {
        OpenSpans.Open open = deliveries.pop(new Delivery(new Identity(message), topic));
        if (open != null) {
            open.span().setAttribute(MESSAGING_BATCH_MESSAGE_COUNT, recipients);
            open.span().end();
        }
    }

    @Override
    public void messageProcessStart(Object message, AgentId agent, MessageContext context) {
        Context parent = in.propagation.extract(context.metadata());
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            parent = runParent;
        }
        Span span = messaging("process", destination(agent), SpanKind.CONSUMER, message, parent)
                .setAttribute(MESSAGING_MESSAGE_ID, context.messageId())
                .startSpan();
        Handling handling = new Handling(context.messageId(), agent);
        handled.put(handling, span.getSpanContext());
        handlings.push(handling, span, parent.with(span).makeCurrent());
        if (message instanceof GroupChatStart && context.isRpc()) {
            context.cancellationToken().onCancel(() -> endWorkflow(agent.key(),
                    CancellationException.class.getName(), "the team run was cancelled"));
        }
    }

    @Override
    public void messageProcessEnd(Object message, AgentId agent, MessageContext context, @Nullable Throwable error) {
        leaveAndEnd(handlings.pop(new Handling(context.messageId(), agent)), error);
    }

    private SpanBuilder messaging(String operation, String destination, SpanKind kind, Object message, Context parent) {
        return in.tracer.spanBuilder(AUTOGEN + " " + operation + " " + destination)
                .setParent(parent)
                .setSpanKind(kind)
                .setAttribute(MESSAGING_SYSTEM, AUTOGEN)
                .setAttribute(MESSAGING_OPERATION_TYPE, operation.equals("process") ? "process" : "send")
                .setAttribute(MESSAGING_OPERATION_NAME, operation)
                .setAttribute(MESSAGING_DESTINATION_NAME, destination)
                .setAttribute(MESSAGING_MESSAGE_TYPE, message.getClass().getSimpleName());
    }

    /** Python's destination strings: {@code type.(key)-A} for an agent, {@code type.(source)-T} for a topic. */
    private static String destination(AgentId agent) {
        return agent.type() + ".(" + agent.key() + ")-A";
    }

    private static String destination(TopicId topic) {
        return topic.type() + ".(" + topic.source() + ")-T";
    }

    // ------------------------------------------------------------- team runs

    /** Starts the span of a team run; the manager's id is {@code {managerName}_{teamId}/{teamId}}. */
    private Span startWorkflow(AgentId manager, Context parent) {
        String teamId = manager.key();
        String suffix = "_" + teamId;
        String name = manager.type().endsWith(suffix)
                ? manager.type().substring(0, manager.type().length() - suffix.length()) : manager.type();
        Span span = genAi(INVOKE_WORKFLOW, name, SpanKind.INTERNAL, parent)
                .setAttribute(WORKFLOW_NAME, name)
                .setAttribute(CONVERSATION_ID, teamId)
                .startSpan();
        in.workflows.push(teamId, span, null);
        return span;
    }

    private void endWorkflow(String teamId, @Nullable String errorType, @Nullable String errorMessage) {
        OpenSpans.Open open = in.workflows.pop(teamId);
        if (open == null) {
            return;
        }
        if (errorType != null) {
            open.span().setStatus(StatusCode.ERROR, String.valueOf(errorMessage));
            open.span().setAttribute(ERROR_TYPE, errorType);
        }
        open.span().end();
    }

    // ------------------------------------------------------------- agents, tools, models

    @Override
    public void agentTurnStart(String agent, String description, AgentId container) {
        Context parent = parent();
        Span span = genAi(INVOKE_AGENT, agent, SpanKind.INTERNAL, parent)
                .setAttribute(AGENT_NAME, agent)
                .setAttribute(AGENT_ID, container.toString())
                .setAttribute(AGENT_DESCRIPTION, description)
                .setAttribute(CONVERSATION_ID, container.key())
                .startSpan();
        turns.push(container, span, parent.with(span).makeCurrent());
    }

    @Override
    public void agentTurnEnd(String agent, AgentId container, @Nullable Throwable error) {
        leaveAndEnd(turns.pop(container), error);
    }

    @Override
    public void toolCallStart(String tool, String callId, String arguments) {
        Context parent = parent();
        SpanBuilder builder = genAi(EXECUTE_TOOL, tool, SpanKind.INTERNAL, parent)
                .setAttribute(TOOL_NAME, tool)
                .setAttribute(TOOL_CALL_ID, callId)
                .setAttribute(TOOL_TYPE, "function");
        conversation(builder);
        if (in.captureContent) {
            builder.setAttribute(TOOL_CALL_ARGUMENTS, arguments);
        }
        Span span = builder.startSpan();
        tools.push(new ToolCall(Thread.currentThread(), callId), span, parent.with(span).makeCurrent());
    }

    @Override
    public void toolCallEnd(String tool, String callId, String result, boolean isError) {
        OpenSpans.Open open = tools.pop(new ToolCall(Thread.currentThread(), callId));
        if (open == null) {
            return;
        }
        open.leave();
        Span span = open.span();
        if (in.captureContent) {
            span.setAttribute(TOOL_CALL_RESULT, result);
        }
        if (isError) {
            span.setStatus(StatusCode.ERROR, result);
            span.setAttribute(ERROR_TYPE, TOOL_ERROR);
        }
        span.end();
    }

    @Override
    public void modelCallStart(CreateRequest request, ModelCallTrace trace) {
        // named "chat {model}" at the end, once the client has recorded the model
        SpanBuilder builder = genAi(CHAT, null, SpanKind.CLIENT, parent());
        conversation(builder);
        requestParameters(builder, request.extraCreateArgs());
        if (in.captureContent) {
            builder.setAttribute(INPUT_MESSAGES, MessageContent.input(request.messages()));
        }
        chats.push(trace, builder.startSpan(), null);
    }

    @Override
    public void modelCallEnd(CreateRequest request, ModelCallTrace trace, @Nullable CreateResult result,
            @Nullable Throwable error) {
        OpenSpans.Open open = chats.pop(trace);
        if (open == null) {
            return;
        }
        Span span = open.span();
        AttributesBuilder metric = Attributes.builder().put(OPERATION_NAME, CHAT);
        trace.provider().ifPresent(provider -> {
            span.setAttribute(PROVIDER_NAME, provider);
            metric.put(PROVIDER_NAME, provider);
        });
        trace.model().ifPresent(model -> {
            span.updateName(CHAT + " " + model);
            span.setAttribute(REQUEST_MODEL, model);
            metric.put(REQUEST_MODEL, model);
        });
        if (result != null) {
            span.setAttribute(USAGE_INPUT_TOKENS, result.usage().promptTokens());
            span.setAttribute(USAGE_OUTPUT_TOKENS, result.usage().completionTokens());
            span.setAttribute(RESPONSE_FINISH_REASONS, List.of(result.finishReason().value()));
            if (in.captureContent) {
                span.setAttribute(OUTPUT_MESSAGES, MessageContent.output(result));
            }
        }
        if (error != null) {
            metric.put(ERROR_TYPE, error.getClass().getName());
        }
        in.metrics.recordCall(metric.build(), System.nanoTime() - open.startNanos(),
                result == null ? null : result.usage());
        end(span, error);
    }

    /** A GenAI span: named {@code operation target} (or just the operation), with its operation attribute. */
    private SpanBuilder genAi(String operation, @Nullable String target, SpanKind kind, Context parent) {
        return in.tracer.spanBuilder(target == null ? operation : operation + " " + target)
                .setParent(parent)
                .setSpanKind(kind)
                .setAttribute(OPERATION_NAME, operation);
    }

    /** The request parameters the conventions name, from the provider arguments that carry them. */
    private static void requestParameters(SpanBuilder builder, Map<String, Object> args) {
        if (args.get("temperature") instanceof Number n) {
            builder.setAttribute(REQUEST_TEMPERATURE, n.doubleValue());
        }
        if (args.get("top_p") instanceof Number n) {
            builder.setAttribute(REQUEST_TOP_P, n.doubleValue());
        }
        Object maxTokens = args.getOrDefault("max_tokens", args.get("max_completion_tokens"));
        if (maxTokens instanceof Number n) {
            builder.setAttribute(REQUEST_MAX_TOKENS, n.longValue());
        }
        if (args.get("seed") instanceof Number n) {
            builder.setAttribute(REQUEST_SEED, n.longValue());
        }
    }

    /** Adds the team's id when the call happens during a team participant's turn. */
    private void conversation(SpanBuilder builder) {
        AgentId agent = MessageHandlerContext.currentAgentId().orElse(null);
        if (agent != null && turns.peek(agent) != null) {
            builder.setAttribute(CONVERSATION_ID, agent.key());
        }
    }

    // ------------------------------------------------------------- parents and ends

    /** The parent of a span started now on this thread (see the class comment). */
    private Context parent() {
        Context current = Context.current();
        if (Span.fromContext(current).getSpanContext().isValid()) {
            return current;
        }
        MessageHandlerContext.Frame frame = MessageHandlerContext.current();
        if (frame == null) {
            return runParent;
        }
        AgentId agent = frame.agentId();
        MessageContext message = frame.messageContext();
        if (agent != null) {
            Span turn = turns.peek(agent);
            if (turn != null) {
                return runParent.with(turn);
            }
            SpanContext handler = message == null ? null : handled.get(new Handling(message.messageId(), agent));
            if (handler != null) {
                return runParent.with(Span.wrap(handler));
            }
        }
        if (message != null) { // for a message from another process, delivered here by no agent
            Context carried = in.propagation.extract(message.metadata());
            if (Span.fromContext(carried).getSpanContext().isValid()) {
                return carried;
            }
        }
        return runParent;
    }

    /** Leaves the scope of {@code open} (if any is open) and ends its span with {@code error}. */
    private static void leaveAndEnd(OpenSpans.@Nullable Open open, @Nullable Throwable error) {
        if (open != null) {
            open.leave();
            end(open.span(), error);
        }
    }

    /** Ends {@code span}, recording {@code error} on it when there is one. */
    private static void end(Span span, @Nullable Throwable error) {
        if (error != null) {
            span.recordException(error);
            span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
            span.setAttribute(ERROR_TYPE, error.getClass().getName());
        }
        span.end();
    }
}
