package dev.autogen.core;

import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.ModelCallTrace;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Watches one run: every message its agents send, publish and process, every agent turn, tool call
 * and model call, each as a start and an end callback. In the style of OkHttp's {@code EventListener}:
 * a runtime's {@link Factory} makes a listener when a message enters the runtime from outside any
 * agent (the start of a run, such as a team's {@code run}), and every message the run's handlers send
 * or publish reports to the same listener, on whatever thread or agent it is handled. Tracing,
 * metrics and checkpoints plug in here instead of editing call sites.
 *
 * <p>Every method has an empty default, so a listener overrides only what it needs. Callbacks run on
 * the thread doing the work, inline: keep them fast and never throw. The start callbacks of
 * {@code send} and {@code publish} may add entries to {@code metadata}, which travels with the message
 * ({@link MessageContext#metadata()}) and with everything its handler sends on: a trace context rides there.
 *
 * <pre>{@code
 * var runtime = new SingleThreadedAgentRuntime(SingleThreadedAgentRuntime.builder()
 *         .listenerFactory(message -> new RuntimeListener() {
 *             @Override
 *             public void agentTurnStart(String agent, String description, AgentId container) {
 *                 System.out.println(agent + " speaks");
 *             }
 *         }));
 * }</pre>
 */
public interface RuntimeListener {
    /** A listener that does nothing. */
    RuntimeListener NONE = new RuntimeListener() {
    };

    /** Makes the listener of each run. */
    @FunctionalInterface
    interface Factory {
        /** A factory whose runs are not watched. */
        Factory NONE = message -> RuntimeListener.NONE;

        /**
         * The listener of the run that {@code message} starts: a message sent or published from
         * outside any agent's handler.
         */
        RuntimeListener create(Object message);
    }

    /** A direct message is about to be delivered; entries put in {@code metadata} travel with it. */
    default void messageSendStart(Object message, AgentId recipient, @Nullable AgentId sender,
            Map<String, String> metadata) {
    }

    /**
     * The direct message was answered ({@code error} null) or failed, dropped or undeliverable
     * included; {@code message} is the one {@link #messageSendStart} saw, whatever interventions made of it.
     */
    default void messageSendEnd(Object message, AgentId recipient, @Nullable Throwable error) {
    }

    /** A message is about to be published; entries put in {@code metadata} travel with it. */
    default void messagePublishStart(Object message, TopicId topic, @Nullable AgentId sender,
            Map<String, String> metadata) {
    }

    /**
     * The published message was queued for {@code recipients} agents (none when an intervention dropped
     * it); {@code message} is the one {@link #messagePublishStart} saw.
     */
    default void messagePublishEnd(Object message, TopicId topic, int recipients) {
    }

    /** An agent starts handling a message. */
    default void messageProcessStart(Object message, AgentId agent, MessageContext context) {
    }

    /** An agent finished handling a message ({@code error} null) or failed. */
    default void messageProcessEnd(Object message, AgentId agent, MessageContext context, @Nullable Throwable error) {
    }

    /** A team's participant starts its turn; {@code container} is the agent hosting it. */
    default void agentTurnStart(String agent, String description, AgentId container) {
    }

    /** The participant's turn ended ({@code error} null) or failed. */
    default void agentTurnEnd(String agent, AgentId container, @Nullable Throwable error) {
    }

    /** An agent calls a tool. */
    default void toolCallStart(String tool, String callId, String arguments) {
    }

    /** The tool call returned {@code result} ({@code isError} when the tool reported a failure). */
    default void toolCallEnd(String tool, String callId, String result, boolean isError) {
    }

    /** A model is called. */
    default void modelCallStart(CreateRequest request) {
    }

    /** The model call returned {@code result} ({@code error} null) or failed. */
    default void modelCallEnd(CreateRequest request, @Nullable CreateResult result, @Nullable Throwable error) {
    }

    /**
     * A model is called; {@code trace} is this call's own (one per call, so it pairs start and end)
     * and names the provider and model once the client has recorded them. Calls
     * {@link #modelCallStart(CreateRequest)} unless overridden.
     */
    default void modelCallStart(CreateRequest request, ModelCallTrace trace) {
        modelCallStart(request);
    }

    /**
     * The model call of {@code trace} returned {@code result} ({@code error} null) or failed. Calls
     * {@link #modelCallEnd(CreateRequest, CreateResult, Throwable)} unless overridden.
     */
    default void modelCallEnd(CreateRequest request, ModelCallTrace trace, @Nullable CreateResult result,
            @Nullable Throwable error) {
        modelCallEnd(request, result, error);
    }
}
