package dev.autogen.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code autogen} command. Without a subcommand it runs the Core quickstart, the documentation's
 * first example, so a fresh checkout shows the runtime working with nothing configured.
 */
@Command(name = "autogen",
        mixinStandardHelpOptions = true,
        versionProvider = AutogenCommand.Version.class,
        description = "AutoGen for Java: agents and multi-agent teams on the JVM.%n"
                + "Without a command, runs the Core quickstart (two agents counting down from 10).",
        subcommands = {QuickstartCommand.class, CommandLine.HelpCommand.class})
public final class AutogenCommand implements Callable<Integer> {
    private final PrintStream out;

    AutogenCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        return new QuickstartCommand(out).call();
    }

    /** Runs the command line and returns its exit code. */
    static int execute(PrintStream out, PrintStream err, String... args) {
        CommandLine cli = new CommandLine(new AutogenCommand(out), new Factory(out));
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        return cli.execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(System.out, System.err, args));
    }

    /** Creates subcommands with the command's output stream. */
    private record Factory(PrintStream out) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == QuickstartCommand.class) {
                return type.cast(new QuickstartCommand(out));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = AutogenCommand.class.getPackage().getImplementationVersion();
            return new String[] {"autogen " + (version == null ? "(development build)" : version)};
        }
    }
}
