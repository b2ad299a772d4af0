package dev.autogen.ext.a2a;

import dev.autogen.agentchat.agents.InputFunction;
import dev.autogen.core.CancellationToken;
import org.jspecify.annotations.Nullable;

/**
 * The input function of a {@link dev.autogen.agentchat.agents.UserProxyAgent} in a team served over
 * A2A: when the proxy asks, the task becomes {@code input-required} with the prompt, and the client's
 * next message of the same task is the reply. Give the same instance to the proxy and to
 * {@link A2AAgentServer.Builder#userInput}.
 *
 * <!-- java-context: import dev.autogen.agentchat.agents.UserProxyAgent;
 *      import dev.autogen.agentchat.agents.AssistantAgent;
 *      import dev.autogen.agentchat.teams.RoundRobinGroupChat;
 *      import dev.autogen.agentchat.conditions.MaxMessageTermination; import java.util.List; AssistantAgent writer; -->
 * <pre>{@code
 * var input = new A2AUserInput();
 * var team = RoundRobinGroupChat.builder(List.of(writer, new UserProxyAgent("user", input)))
 *         .terminationCondition(new MaxMessageTermination(4)).build();
 * var server = A2AAgentServer.builder().serve(team).userInput(input).build();
 * }</pre>
 */
public final class A2AUserInput implements InputFunction {
    private volatile @Nullable TaskRunnerExecutor executor;

    void attach(TaskRunnerExecutor executor) {
        if (this.executor != null && this.executor != executor) {
            throw new IllegalStateException("this A2AUserInput already serves another A2A server");
        }
        this.executor = executor;
    }

    @Override
    public String getInput(String prompt, CancellationToken cancellationToken) throws Exception {
        TaskRunnerExecutor serving = executor;
        if (serving == null) {
            throw new IllegalStateException("this user proxy asks through A2A, but no A2A server serves its team");
        }
        return serving.askUser(prompt, cancellationToken);
    }
}
