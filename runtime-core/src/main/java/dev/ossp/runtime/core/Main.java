package dev.ossp.runtime.core;

import dev.ossp.runtime.component.HealthStatus;
import dev.ossp.runtime.config.ConfigException;
import dev.ossp.runtime.core.internal.node.NodeJson;
import dev.ossp.runtime.error.OsspException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * Starts a runtime node from the command line with the embedded defaults and prints the node's URL
 * and its health as JSON on standard output. It then runs until the JVM receives SIGINT or SIGTERM,
 * and the runtime's shutdown hook stops the node.
 *
 * <pre>
 * java -cp "lib/*" dev.ossp.runtime.core.Main [--config FILE] [--port N] [--check]
 * </pre>
 *
 * <p>With {@code --check} it stops right after printing and exits 0 if the health is UP, else 1.
 * Invalid configuration or arguments exit 2 with the message on standard error; any other startup
 * failure exits 1.
 *
 * <p>Limitations: with {@code runtime.shutdown-hook=false} and no {@code --check}, SIGTERM ends the
 * JVM without stopping the runtime.
 */
public final class Main {
  /** Exit status when health is UP, or the node ran until it was asked to stop. */
  public static final int EXIT_OK = 0;

  /** Exit status when health is not UP or startup failed for a reason other than configuration. */
  public static final int EXIT_FAILED = 1;

  /** Exit status for invalid configuration or command-line arguments. */
  public static final int EXIT_INVALID_CONFIG = 2;

  private static final String USAGE =
      "usage: dev.ossp.runtime.core.Main [--config FILE] [--port N] [--check]\n"
          + "  --config FILE  YAML configuration file (default: none, embedded defaults)\n"
          + "  --port N       TCP port of the node, 0..65535, 0 picks a free port (default 7070)\n"
          + "  --check        print the health, stop, and exit 0 if it is UP, else 1";

  private Main() {}

  /** Runs the command and exits the JVM with its status. */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != EXIT_OK || isCheck(args)) {
      System.exit(status);
    }
    // Without --check the node runs until the JVM is asked to stop.
    awaitShutdown();
  }

  /**
   * Starts the runtime and prints its URL and health.
   *
   * @return the exit status: {@link #EXIT_OK}, {@link #EXIT_FAILED} or {@link
   *     #EXIT_INVALID_CONFIG}; with {@code --check} the runtime is stopped before returning
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Arguments arguments;
    try {
      arguments = Arguments.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return EXIT_INVALID_CONFIG;
    }
    if (arguments.help) {
      out.println(USAGE);
      return EXIT_OK;
    }

    OsspRuntime runtime;
    try {
      OsspRuntime.Builder builder = OsspRuntime.builder();
      if (arguments.configFile != null) {
        builder.configFile(arguments.configFile);
      }
      if (arguments.port != null) {
        builder.set(CoreConfigKeys.NODE_PORT.name(), arguments.port);
      }
      runtime = builder.build();
      runtime.start();
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return EXIT_INVALID_CONFIG;
    } catch (OsspException | IllegalStateException e) {
      err.println("the runtime failed to start: " + e.getMessage());
      return EXIT_FAILED;
    }

    RuntimeHealth health = runtime.health();
    if (runtime.config().get(CoreConfigKeys.NODE_ENABLED)) {
      out.println(runtime.node().baseUri());
    } else {
      out.println("node disabled (node.enabled=false)");
    }
    out.println(NodeJson.health(health));
    out.flush();
    if (arguments.check) {
      runtime.close();
      return health.status() == HealthStatus.UP ? EXIT_OK : EXIT_FAILED;
    }
    return EXIT_OK;
  }

  private static boolean isCheck(String[] args) {
    for (String arg : args) {
      if (arg.equals("--check") || arg.equals("--help") || arg.equals("-h")) {
        return true;
      }
    }
    return false;
  }

  private static void awaitShutdown() {
    try {
      // No code counts this latch down, so only JVM shutdown (which runs the runtime's hook) ends
      // the wait.
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The parsed command line. */
  private static final class Arguments {
    private @Nullable Path configFile;
    private @Nullable Integer port;
    private boolean check;
    private boolean help;

    static Arguments parse(String[] args) {
      Arguments arguments = new Arguments();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--config" -> arguments.configFile = Path.of(value(args, ++i, arg));
          case "--port" -> arguments.port = port(value(args, ++i, arg));
          case "--check" -> arguments.check = true;
          case "--help", "-h" -> arguments.help = true;
          default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
        }
      }
      return arguments;
    }

    private static String value(String[] args, int index, String option) {
      if (index >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[index];
    }

    private static int port(String text) {
      try {
        int port = Integer.parseInt(text);
        if (port >= 0 && port <= 65535) {
          return port;
        }
      } catch (NumberFormatException e) {
        // Reported below with the valid range.
      }
      throw new IllegalArgumentException(
          "invalid value '" + text + "' for --port: expected a whole number in 0..65535");
    }
  }
}
