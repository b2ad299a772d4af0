package dev.autogen.examples.agentchat;

import dev.autogen.agentchat.agents.InputFunction;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The model client each example uses: a real model when one is configured, otherwise the example's
 * scripted replies (a {@link ReplayChatCompletionClient}), so every example runs offline and prints
 * the same thing every time.
 *
 * <p>{@link #configured(Map)} is the single place where real clients are wired in.
 */
public final class ExampleModels {
    private ExampleModels() {
    }

    /**
     * The configured model if there is one, else {@code scripted}; says on {@code notes} which one
     * it picked, so a reader of the output knows whether the replies are real.
     */
    public static ChatCompletionClient orScripted(ReplayChatCompletionClient scripted, PrintStream notes) {
        ChatCompletionClient real = configured(System.getenv());
        if (real != null) {
            scripted.close();
            return real;
        }
        notes.println("(Using scripted model replies: no real model client is configured for the examples.)");
        return scripted;
    }

    /** Whether {@code model} is an example's scripted client, so its human's answers should be scripted too. */
    public static boolean isScripted(ChatCompletionClient model) {
        return model instanceof ReplayChatCompletionClient;
    }

    /**
     * The human of a human-in-the-loop example: {@code scripted} answers in order when the model is
     * scripted (they fit its replies), otherwise the real user at the console ({@link InputFunction#console()}).
     */
    public static InputFunction humanFor(ChatCompletionClient model, String... scripted) {
        if (!isScripted(model)) {
            return InputFunction.console();
        }
        Iterator<String> answers = List.of(scripted).iterator();
        return InputFunction.of(prompt -> {
            if (!answers.hasNext()) {
                throw new IllegalStateException(
                        "the example's script has no answer left for the prompt '" + prompt + "'");
            }
            return answers.next();
        });
    }

    /**
     * The real model client the environment asks for, or null for none. No real client is wired yet:
     * once a provider module (e.g. autogen-ext-openai) is a dependency of the examples, return its
     * client here, for instance when {@code OPENAI_API_KEY} is set:
     * {@code OpenAIChatCompletionClient.builder().model(env.getOrDefault("OPENAI_MODEL", "gpt-4o")).build()}.
     */
    static @Nullable ChatCompletionClient configured(Map<String, String> env) {
        return null;
    }
}
