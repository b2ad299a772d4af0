package dev.autogen.studio.runs;

import dev.autogen.agentchat.agents.InputFunction;
import dev.autogen.core.CancellationToken;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The input function of a run's UserProxyAgents: sends an {@code input_request} frame and waits for
 * the browser's {@code input_response}, at most the settings' input timeout.
 */
final class WebInput implements InputFunction {
    private final FrameSink sink;
    private final Duration timeout;
    private final BlockingQueue<String> responses = new LinkedBlockingQueue<>();

    WebInput(FrameSink sink, Duration timeout) {
        this.sink = sink;
        this.timeout = timeout;
    }

    /** An answer from the browser, for the request waiting now or the next one. */
    void answer(String response) {
        responses.add(response);
    }

    @Override
    public String getInput(String prompt, CancellationToken cancellationToken) throws Exception {
        sink.send(Frames.inputRequest(prompt));
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
