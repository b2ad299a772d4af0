package dev.autogen.core.component;

import dev.autogen.core.CancellationToken;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import org.jspecify.annotations.Nullable;

/**
 * What a component that starts processes checks before each start: {@link #OPEN} for a component
 * built in code or allowed by its {@link ConsentPolicy}; for one loaded under a policy that said
 * {@link ConsentPolicy.Decision#ASK}, each start is put to {@link ConsentPolicy#approve}. A provider
 * gets its component's gate from {@link ComponentContext#processGate}.
 *
 * <!-- java-context: import dev.autogen.core.CancellationToken; import java.util.List; String codeText;
 *      CancellationToken cancellationToken; ProcessGate gate; Process process; List<String> command; -->
 * <pre>{@code
 * gate.check(codeText, cancellationToken);   // throws ConsentRefusedException when refused
 * process = new ProcessBuilder(command).start();
 * }</pre>
 */
public final class ProcessGate {
    /** Lets everything start: components built in code, or allowed by the policy. */
    public static final ProcessGate OPEN = new ProcessGate(null, null);

    private final @Nullable ConsentPolicy policy;
    private final @Nullable ConsentRequest request;

    private ProcessGate(@Nullable ConsentPolicy policy, @Nullable ConsentRequest request) {
        this.policy = policy;
        this.request = request;
    }

    /** A gate that asks {@code policy} before each start of the component {@code request} describes. */
    static ProcessGate asking(ConsentPolicy policy, ConsentRequest request) {
        return new ProcessGate(Objects.requireNonNull(policy, "policy"), Objects.requireNonNull(request, "request"));
    }

    /** Whether every start is allowed without asking. */
    public boolean isOpen() {
        return policy == null;
    }

    /**
     * Returns when {@code what} may run.
     *
     * @param what the code or command line about to run, as the user should see it
     * @throws ConsentRefusedException if the policy refuses; the component must not start it
     * @throws CancellationException if the token is cancelled while the policy waits for an answer
     */
    public void check(String what, CancellationToken cancellationToken) {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(cancellationToken, "cancellationToken");
        if (policy == null || request == null) {
            return;
        }
        if (!policy.approve(request, what, cancellationToken)) {
            throw new ConsentRefusedException(request.path(), request.component()
                    + " may not run this without your consent, which was refused; nothing was started");
        }
    }
}
