package dev.autogen.studio.runs;

import dev.autogen.agentchat.agents.InputFunction;
import dev.autogen.agentchat.agents.UserProxyAgent;
import dev.autogen.core.CancellationToken;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The input function of a run's UserProxyAgents: sends an {@code input_request} frame and waits for
 * the browser's {@code input_response}, at most the settings' input timeout.
 *
 * <p>The frame must come after the messages the run streamed before the request, which reach the
 * socket through the run's stream on another thread. So it is sent when both have happened: the
 * agent's {@code UserInputRequestedEvent} came through the stream ({@link #requested}) and the agent
 * called this function (which knows the prompt), whichever is second.
 */
final class WebInput implements InputFunction {
    private final FrameSink sink;
    private final Duration timeout;
    private final BlockingQueue<String> responses = new LinkedBlockingQueue<>();
    /** Per request id: the prompt once the function was called, or "" once only the event arrived. */
    private final Map<String, String> halfArrived = new HashMap<>();
    /** Marks a request whose event arrived before the function was called (never a prompt: prompts are text). */
    private static final String EVENT_ONLY = "\u0000";

    WebInput(FrameSink sink, Duration timeout) {
        this.sink = sink;
        this.timeout = timeout;
    }

    /** An answer from the browser, for the request waiting now or the next one. */
    void answer(String response) {
        responses.add(response);
    }

    /** The stream delivered the event of request {@code requestId}. */
    void requested(String requestId) {
        arrive(requestId, null);
    }

    private void arrive(String requestId, @Nullable String prompt) {
        String other;
        synchronized (halfArrived) {
            other = halfArrived.remove(requestId);
            if (other == null) {
                halfArrived.put(requestId, prompt == null ? EVENT_ONLY : prompt);
                return;
            }
        }
        sink.send(Frames.inputRequest(prompt != null ? prompt : other));
    }

    @Override
    public String getInput(String prompt, CancellationToken cancellationToken) throws Exception {
        arrive(UserProxyAgent.InputRequestContext.requestId(), prompt);
        String response = responses.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (response == null) {
            throw new TimeoutException("no answer from the user within " + describe(timeout));
        }
        return response;
    }

    private static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % 60 == 0 && seconds > 0 ? (seconds / 60) + " minute(s)" : duration.toMillis() + " ms";
    }
}
