package dev.autogen.cli;

import dev.autogen.agentchat.ui.TerminalText;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.component.ConsentPolicy;
import dev.autogen.core.component.ConsentRequest;
import java.io.EOFException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consent of {@code autogen run} for components of the config that start processes: all allowed
 * with {@code --allow-code-execution}; otherwise, on a terminal, each start is shown (the code or the
 * command line, control characters escaped so the code cannot redraw the question) and runs only when
 * the user answers yes; with nobody to ask, such a config is refused.
 */
final class ConsentPrompt implements ConsentPolicy {
    static final String OPTION = "--allow-code-execution";

    private static final Logger LOG = LoggerFactory.getLogger(ConsentPrompt.class);

    private final boolean allowAll;
    private final UserConsole console;
    private final PrintWriter terminal;
    private final ReentrantLock asking = new ReentrantLock();
    private final Set<String> alwaysAllowed = ConcurrentHashMap.newKeySet();
    private volatile @Nullable Progress display;

    /**
     * @param allowAll whether {@value #OPTION} was given
     * @param console where answers come from
     * @param terminal where questions are written (stderr, off the transcript)
     */
    ConsentPrompt(boolean allowAll, UserConsole console, PrintWriter terminal) {
        this.allowAll = allowAll;
        this.console = console;
        this.terminal = terminal;
    }

    /** Hides {@code progress} while a question waits for its answer. */
    void hide(Progress progress) {
        this.display = progress;
    }

    @Override
    public Decision decide(ConsentRequest request) {
        return allowAll ? Decision.ALLOW : console.interactive() ? Decision.ASK : Decision.DENY;
    }

    @Override
    public boolean approve(ConsentRequest request, String what, CancellationToken cancellationToken) {
        if (alwaysAllowed.contains(request.path())) {
            return true;
        }
        asking.lock();
        try (var hidden = Progress.hiding(display)) {
            terminal.println(TerminalText.escapeControls("autogen: consent needed at " + request.path() + ": "
                    + request.describe() + ". Now it asks to run:"));
            terminal.println(TerminalText.escapeControls(what));
            terminal.print("Allow it? [y]es, [n]o (stops the run), [a]lways for this component: ");
            terminal.flush();
            String answer = answer(cancellationToken).strip().toLowerCase(Locale.ROOT);
            if (answer.equals("a") || answer.equals("always")) {
                alwaysAllowed.add(request.path());
                return true;
            }
            return answer.equals("y") || answer.equals("yes");
        } finally {
            asking.unlock();
        }
    }

    private String answer(CancellationToken cancellationToken) {
        try {
            return console.input().getInput("", cancellationToken);
        } catch (CancellationException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while asking for consent");
        } catch (EOFException e) {
            terminal.println();
            return "";
        } catch (Exception e) {
            LOG.debug("reading the answer failed", e);
            terminal.println();
            return "";
        }
    }

    @Override
    public String howToAllow() {
        return "If you trust this config, pass " + OPTION + ", or run it on a terminal to be asked before each start.";
    }
}
