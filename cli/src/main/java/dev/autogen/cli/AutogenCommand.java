package dev.autogen.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
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
        subcommands = {RunCommand.class, ValidateCommand.class, GalleryCommand.class, QuickstartCommand.class,
                CommandLine.HelpCommand.class})
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
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler(AutogenCommand::report);
        return cli.execute(args);
    }

    /** Reports a failure as one paragraph on stderr, never a stack trace, and picks the exit code. */
    private static int report(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof CliException failure) {
            err.println(failure.getMessage());
            err.flush();
            return failure.exitCode();
        }
        err.println("autogen: " + cli.getCommandName() + " failed unexpectedly: " + CliException.describe(e)
                + " (" + e.getClass().getName() + "). Please report this with the command you ran.");
        err.flush();
        return CliException.RUN_FAILURE;
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
