package dev.autogen.core.component;

import dev.autogen.core.CancellationToken;
import java.util.concurrent.CancellationException;

/**
 * Decides whether components loaded from a config may start processes on this machine: run code
 * (a code executor, a code execution tool) or start a program (an MCP server over stdio). A config can
 * come from anyone, so {@link ComponentLoader} refuses such components unless its policy allows them
 * ({@link ComponentLoader#withConsent}). Components built in code are not concerned: what a program
 * builds itself, it has agreed to.
 *
 * <p>When a provider builds a component that can start processes, the loader asks {@link #decide}
 * once. {@link Decision#DENY} fails the load naming the component's JSON path and
 * {@link #howToAllow()}; {@link Decision#ALLOW} lets it start whatever it needs; {@link Decision#ASK}
 * makes the component call {@link #approve} with the code or command line before each start, and a
 * {@code false} stops it with a {@link ConsentRefusedException}.
 *
 * <!-- java-context: import dev.autogen.agentchat.base.Team; String json; -->
 * <pre>{@code
 * Team team = ComponentLoader.defaultLoader().withConsent(ConsentPolicy.allowAll()).load(json, Team.class);
 * }</pre>
 *
 * <p>A policy may be called from several threads; {@link #approve} calls of one run may overlap.
 */
public interface ConsentPolicy {
    /** The answer to a {@link ConsentRequest} at load time. */
    enum Decision {
        /** The component may start processes. */
        ALLOW,
        /** The component asks {@link #approve} before each start. */
        ASK,
        /** The component is not built: the load fails. */
        DENY
    }

    /** Whether the component described may start processes; called once, while it is loaded. */
    Decision decide(ConsentRequest request);

    /**
     * Whether the component may run {@code what} now; called before each start when {@link #decide}
     * answered {@link Decision#ASK}. By default, no.
     *
     * @param what the code or the command line about to run
     * @throws CancellationException if {@code cancellationToken} is cancelled while waiting for an answer
     */
    default boolean approve(ConsentRequest request, String what, CancellationToken cancellationToken) {
        return false;
    }

    /** What to do to give consent, as a sentence: ends the message of a refused load. */
    default String howToAllow() {
        return "If you trust this config, load it with ComponentLoader.withConsent(ConsentPolicy.allowAll()).";
    }

    /** Every component may start processes: for configs you trust. */
    static ConsentPolicy allowAll() {
        return request -> Decision.ALLOW;
    }

    /** No component that starts processes is built; the default of {@link ComponentLoader}. */
    static ConsentPolicy denyAll() {
        return request -> Decision.DENY;
    }
}
