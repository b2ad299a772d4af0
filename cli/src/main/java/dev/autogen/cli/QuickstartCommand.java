package dev.autogen.cli;

import dev.autogen.examples.core.CoreQuickstart;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code autogen quickstart}: runs the Core quickstart, two agents counting down from 10. */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Runs the Core quickstart: a Modifier and a Checker agent count down from 10.")
final class QuickstartCommand implements Callable<Integer> {
    private final PrintStream out;

    QuickstartCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        CoreQuickstart.run(out);
        return 0;
    }
}
