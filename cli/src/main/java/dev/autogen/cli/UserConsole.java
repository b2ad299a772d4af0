package dev.autogen.cli;

import dev.autogen.agentchat.agents.InputFunction;
import java.io.Console;
import java.lang.reflect.Method;

/**
 * Where the command reads the user's answers: the console input that {@code UserProxyAgent}s also
 * read (one reader of standard input, so no typed line is lost between them), and whether someone is
 * there to answer, that is whether standard input is a terminal.
 *
 * @param input reads one answer
 * @param interactive whether standard input is a terminal, so a question can be asked
 */
record UserConsole(InputFunction input, boolean interactive) {
    /** Set by the {@code autogen} launcher ({@code true} or {@code false}); Java 21 cannot tell reliably. */
    static final String STDIN_IS_TERMINAL = "autogen.stdin.terminal";

    /** Nobody to ask: questions are not asked, e.g. for a command run by a program or a test. */
    static final UserConsole NONE = new UserConsole((prompt, token) -> {
        throw new IllegalStateException("no terminal to ask");
    }, false);

    /** This process's standard input, interactive when it is a terminal. */
    static UserConsole system() {
        String told = System.getProperty(STDIN_IS_TERMINAL);
        return new UserConsole(InputFunction.console(), told != null ? Boolean.parseBoolean(told) : consoleIsTerminal());
    }

    /** {@code Console.isTerminal()} where the JDK has it (22+); before that, a console exists only on a terminal. */
    private static boolean consoleIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
