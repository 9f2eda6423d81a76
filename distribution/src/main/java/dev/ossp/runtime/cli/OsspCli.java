package dev.ossp.runtime.cli;

import dev.ossp.runtime.config.ConfigException;
import dev.ossp.runtime.error.OsspException;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code ossp-runtime} command: parses the arguments, runs one subcommand and maps its outcome
 * to the exit status: {@value #EXIT_OK} on success, {@value #EXIT_FAILURE} on failure, {@value
 * #EXIT_USAGE} on a usage or configuration error. Errors print one message that names the bad value
 * and the fix, without a stack trace.
 */
@Command(
    name = "ossp-runtime",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Runs and drives an OSSP Runtime node: agent discovery, A2A and MCP clients, resilience and"
          + " metrics.",
      "Start with 'ossp-runtime quickstart', or 'ossp-runtime serve' to run a node."
    },
    footer = {
      "",
      "Exit status: 0 success, 1 failure, 2 usage or configuration error.",
      "Run 'ossp-runtime COMMAND --help' for the options of a command."
    },
    subcommands = {
      CommandLine.HelpCommand.class,
      QuickstartCommand.class,
      ServeCommand.class,
      RegisterCommand.class,
      DiscoverCommand.class,
      AgentsCommand.class,
      DiagnoseCommand.class,
      LoadTestCommand.class,
      McpCommand.class,
      A2aCommand.class,
      BenchCommand.class,
    })
public final class OsspCli implements Runnable {
  /** Exit status of a command that succeeded. */
  public static final int EXIT_OK = 0;

  /** Exit status of a command that failed. */
  public static final int EXIT_FAILURE = 1;

  /** Exit status of invalid arguments or invalid configuration. */
  public static final int EXIT_USAGE = 2;

  @Spec private CommandSpec spec;

  /**
   * The system property that sets the level of the runtime's log lines. It has no {@code ossp.}
   * prefix, because the runtime reads every {@code ossp.*} property as a setting.
   */
  static final String LOG_LEVEL_PROPERTY = "ossp-log-level";

  /** Runs the command line and exits the JVM with its status. */
  public static void main(String[] args) {
    if (System.getProperty(LOG_LEVEL_PROPERTY) == null && !isServe(args)) {
      // Client commands print their own results; the runtime's INFO lines would bury them.
      // Set before any logger exists, because conf/logback.xml reads it once at startup.
      System.setProperty(LOG_LEVEL_PROPERTY, "WARN");
    }
    int status = run(new CliContext(Output.system(), Home.current()), args);
    System.out.flush();
    System.exit(status);
  }

  /** Runs the command line and returns the exit status. */
  public static int run(CliContext context, String... args) {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(args, "args");

    return commandLine(context).execute(args);
  }

  private static boolean isServe(String[] args) {
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        return arg.equals("serve");
      }
    }
    return false;
  }

  /** Returns the configured command line, for running and for tests of help texts. */
  public static CommandLine commandLine(CliContext context) {
    CommandLine commandLine = new CommandLine(OsspCli.class, new ContextFactory(context));
    commandLine.setOut(new java.io.PrintWriter(context.output().out(), true));
    commandLine.setErr(new java.io.PrintWriter(context.output().err(), true));
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    // JMH options such as -f 1 -wi 2 pass through 'bench' unchanged.
    commandLine.getSubcommands().get("bench").setUnmatchedOptionsArePositionalParams(true);
    commandLine.setExecutionExceptionHandler(new ErrorHandler(context.output()));
    commandLine.setParameterExceptionHandler(new UsageHandler(context.output()));
    commandLine.setColorScheme(
        CommandLine.Help.defaultColorScheme(
            context.output().terminal() ? CommandLine.Help.Ansi.AUTO : CommandLine.Help.Ansi.OFF));
    return commandLine;
  }

  @Override
  public void run() {
    // No subcommand: print the usage, which lists the commands, and fail as a usage error.
    throw new ParameterException(spec.commandLine(), "missing command");
  }

  /** Creates commands with a constructor that takes the {@link CliContext}. */
  private static final class ContextFactory implements IFactory {
    private final CliContext context;

    ContextFactory(CliContext context) {
      this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        return type.getDeclaredConstructor(CliContext.class).newInstance(context);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(type);
      }
    }
  }

  /** Prints an invalid argument with the command's usage hint; exit status 2. */
  private static final class UsageHandler implements IParameterExceptionHandler {
    private final Output output;

    UsageHandler(Output output) {
      this.output = output;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
      CommandLine command = e.getCommandLine();
      output.error("ossp-runtime: " + e.getMessage());
      if (!CommandLine.UnmatchedArgumentException.printSuggestions(
          e, new java.io.PrintWriter(output.err(), true))) {
        output
            .err()
            .println(
                "Run '"
                    + command.getCommandSpec().qualifiedName()
                    + " --help' for the valid options.");
      }
      return EXIT_USAGE;
    }
  }

  /** Maps a command's exception to a message and an exit status. */
  private static final class ErrorHandler implements IExecutionExceptionHandler {
    private final Output output;

    ErrorHandler(Output output) {
      this.output = output;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult result) {
      if (e instanceof CliException cli) {
        output.error("ossp-runtime: " + cli.getMessage());
        return cli.exitCode();
      }
      if (e instanceof ConfigException config) {
        output.error("ossp-runtime: " + config.getMessage());
        output
            .err()
            .println("Fix the setting in the configuration file, the OSSP_* variable or --set.");
        return EXIT_USAGE;
      }
      if (e instanceof OsspException ossp) {
        output.error("ossp-runtime: " + ossp.getMessage());
        return EXIT_FAILURE;
      }
      output.error(
          "ossp-runtime: "
              + command.getCommandSpec().qualifiedName()
              + " failed unexpectedly: "
              + e);
      e.printStackTrace(output.err());
      return EXIT_FAILURE;
    }
  }
}
