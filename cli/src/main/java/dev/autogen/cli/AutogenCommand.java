package dev.autogen.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code autogen} command. Without a subcommand it runs the first built-in team on scripted
 * replies ({@code autogen run reflection}), so a fresh checkout shows a real team at work with
 * nothing configured.
 */
@Command(name = "autogen",
        mixinStandardHelpOptions = true,
        versionProvider = AutogenCommand.Version.class,
        description = "AutoGen for Java: agents and multi-agent teams on the JVM.%n"
                + "Without a command, runs the built-in team 'reflection' on scripted replies (autogen run reflection).")
public final class AutogenCommand implements Callable<Integer> {
    /**
     * The subcommands by name, in the order {@code --help} lists them. They are not in the annotation because
     * picocli builds the model of every listed subcommand (reflection over its options, its class
     * initialised) at every start; {@link #execute} adds only the one named first on the command line,
     * and all of them when none is (help, usage errors, suggestions).
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands(
            "run", RunCommand.class, "runs", RunsCommand.class, "validate", ValidateCommand.class,
            "gallery", GalleryCommand.class, "dump", DumpCommand.class, "quickstart", QuickstartCommand.class,
            "host", HostCommand.class, "worker", WorkerCommand.class, "serve-mcp", ServeMcpCommand.class,
            "serve-a2a", ServeA2aCommand.class, "studio", StudioCommand.class, "m1", M1Command.class,
            "help", CommandLine.HelpCommand.class);

    @Spec
    @SuppressWarnings("NullAway.Init")
    private CommandSpec spec;

    @Override
    public Integer call() {
        return spec.subcommands().get("run").execute(BuiltinTeam.ALL.get(0).name());
    }

    /** Runs the command line with nobody to answer questions and returns its exit code. */
    static int execute(PrintStream out, PrintStream err, String... args) {
        return execute(UserConsole.NONE, out, err, args);
    }

    /** Runs the command line, asking {@code console} where a question is needed, and returns its exit code. */
    static int execute(UserConsole console, PrintStream out, PrintStream err, String... args) {
        CommandLine cli = new CommandLine(new AutogenCommand(), new Factory(console, out));
        String named = args.length == 0 ? "run" : args[0];
        Class<?> only = "help".equals(named) ? null : SUBCOMMANDS.get(named);
        if (only != null) {
            cli.addSubcommand(named, only);
        } else {
            SUBCOMMANDS.forEach(cli::addSubcommand);
        }
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler(AutogenCommand::report);
        cli.setParameterExceptionHandler(AutogenCommand::reportUsageError);
        return cli.execute(args);
    }

    /**
     * A mistake on the command line (exit 1, like an unusable config): what was wrong, the closest
     * command or option, and where to read how it goes; not the whole usage text.
     */
    private static int reportUsageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("autogen: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("See '" + command.getCommandSpec().qualifiedName() + " --help' for its options.");
        err.flush();
        return CliException.CONFIG_PROBLEM;
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
        if (args.length == 0 || args[0].equals("run")) {
            Preload.start();
        } else {
            Preload.quietLucene();
        }
        System.exit(execute(UserConsole.system(), System.out, System.err, args));
    }

    /** Names and classes, alternating; the names are those of the classes' {@code @Command} (a test checks). */
    private static Map<String, Class<?>> subcommands(Object... namesAndClasses) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (int i = 0; i < namesAndClasses.length; i += 2) {
            byName.put((String) namesAndClasses[i], (Class<?>) namesAndClasses[i + 1]);
        }
        return Collections.unmodifiableMap(byName);
    }

    /** Creates subcommands with the command's console and output stream. */
    private record Factory(UserConsole console, PrintStream out) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == QuickstartCommand.class) {
                return type.cast(new QuickstartCommand(out));
            }
            if (type == HostCommand.class) {
                return type.cast(new HostCommand(out));
            }
            if (type == ServeMcpCommand.class) {
                return type.cast(new ServeMcpCommand(console, out));
            }
            if (type == ServeA2aCommand.class) {
                return type.cast(new ServeA2aCommand(console, out));
            }
            if (type == StudioCommand.class) {
                return type.cast(new StudioCommand(out));
            }
            if (type == StudioServeCommand.class) {
                return type.cast(new StudioServeCommand(out));
            }
            if (type == WorkerCommand.class) {
                return type.cast(new WorkerCommand(console, out));
            }
            if (type == M1Command.class) {
                return type.cast(new M1Command(console));
            }
            if (type == RunCommand.class) {
                return type.cast(new RunCommand(console));
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
