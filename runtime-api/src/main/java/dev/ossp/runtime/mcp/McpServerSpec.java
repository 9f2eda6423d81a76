package dev.ossp.runtime.mcp;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How to reach one MCP server: its id, transport, the command that starts it (stdio) or its URL
 * (Streamable HTTP), its environment, working directory, roots and timeouts.
 *
 * <p>A stdio server gets a minimal environment, never the whole JVM environment unless {@link
 * Builder#inheritEnvironment(boolean)} is set: the variables named in {@link #BASE_ENVIRONMENT}
 * that the JVM has, then {@link #env()} on top. The command is resolved through the {@code PATH} of
 * that environment the way a shell resolves it.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class McpServerSpec {
  /**
   * The variables copied from the JVM's environment into every stdio server's environment, when the
   * JVM has them. {@code PATHEXT}, {@code COMSPEC} and {@code SYSTEMROOT} exist on Windows.
   */
  public static final List<String> BASE_ENVIRONMENT =
      List.of("PATH", "HOME", "LANG", "TMPDIR", "USER", "PATHEXT", "COMSPEC", "SYSTEMROOT");

  /** The default timeout of one request: 30 seconds. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** The default timeout of the {@code initialize} handshake, process start included: 20 s. */
  public static final Duration DEFAULT_INITIALIZE_TIMEOUT = Duration.ofSeconds(20);

  /** The default time a closing stdio server gets to exit after its stdin closes: 2 seconds. */
  public static final Duration DEFAULT_CLOSE_GRACE_PERIOD = Duration.ofSeconds(2);

  /** The default maximum size of one message: 64 MiB. */
  public static final long DEFAULT_MAX_MESSAGE_SIZE = 64L * 1024 * 1024;

  /** The largest allowed maximum message size, bounded by Java arrays: 2 GiB minus 64 bytes. */
  public static final long MAX_MESSAGE_SIZE_LIMIT = Integer.MAX_VALUE - 63L;

  /** The default number of stderr lines kept for error reports: 50. */
  public static final int DEFAULT_STDERR_TAIL_LINES = 50;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  private final String id;
  private final McpTransportKind transport;
  private final @Nullable String command;
  private final List<String> args;
  private final @Nullable URI url;
  private final Map<String, String> headers;
  private final Map<String, String> env;
  private final boolean inheritEnvironment;
  private final @Nullable Path workingDirectory;
  private final List<McpRoot> roots;
  private final Duration requestTimeout;
  private final Duration initializeTimeout;
  private final Duration closeGracePeriod;
  private final long maxMessageSize;
  private final int stderrTailLines;

  private McpServerSpec(Builder builder) {
    this.id = builder.id;
    this.transport = builder.transport;
    this.command = builder.command;
    this.args = List.copyOf(builder.args);
    this.url = builder.url;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
    this.env = Collections.unmodifiableMap(new LinkedHashMap<>(builder.env));
    this.inheritEnvironment = builder.inheritEnvironment;
    this.workingDirectory = builder.workingDirectory;
    this.roots = List.copyOf(builder.roots);
    this.requestTimeout = builder.requestTimeout;
    this.initializeTimeout = builder.initializeTimeout;
    this.closeGracePeriod = builder.closeGracePeriod;
    this.maxMessageSize = builder.maxMessageSize;
    this.stderrTailLines = builder.stderrTailLines;
  }

  /**
   * Starts a spec for the server {@code id}.
   *
   * @param id 1 to 64 characters of {@code [A-Za-z0-9._-]}, starting with a letter or digit
   * @throws IllegalArgumentException if the id is invalid
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Starts a stdio spec for {@code id} that runs {@code command} with {@code args}. */
  public static Builder stdio(String id, String command, String... args) {
    return builder(id).command(command).args(List.of(args));
  }

  /** Starts a Streamable HTTP spec for {@code id} at {@code url}. */
  public static Builder streamableHttp(String id, URI url) {
    return builder(id).transport(McpTransportKind.STREAMABLE_HTTP).url(url);
  }

  /** Returns a builder that starts from this spec, for a changed copy. */
  public Builder toBuilder() {
    Builder builder = new Builder(id);
    builder.transport = transport;
    builder.command = command;
    builder.args.addAll(args);
    builder.url = url;
    builder.headers.putAll(headers);
    builder.env.putAll(env);
    builder.inheritEnvironment = inheritEnvironment;
    builder.workingDirectory = workingDirectory;
    builder.roots.addAll(roots);
    builder.requestTimeout = requestTimeout;
    builder.initializeTimeout = initializeTimeout;
    builder.closeGracePeriod = closeGracePeriod;
    builder.maxMessageSize = maxMessageSize;
    builder.stderrTailLines = stderrTailLines;
    return builder;
  }

  /** The server id, unique within a pool; used in logs, metrics and errors. */
  public String id() {
    return id;
  }

  /** The transport. */
  public McpTransportKind transport() {
    return transport;
  }

  /** The command of a stdio server: a path, or a name resolved through {@code PATH}. */
  public Optional<String> command() {
    return Optional.ofNullable(command);
  }

  /** The arguments of a stdio server's command, passed on unchanged without a shell. */
  public List<String> args() {
    return args;
  }

  /** The endpoint of a Streamable HTTP server. */
  public Optional<URI> url() {
    return Optional.ofNullable(url);
  }

  /** Extra HTTP headers sent on every request to a Streamable HTTP server; never logged. */
  public Map<String, String> headers() {
    return headers;
  }

  /** The server's own environment variables, applied on top of the base environment. */
  public Map<String, String> env() {
    return env;
  }

  /** Whether a stdio server gets the whole JVM environment instead of the base. */
  public boolean inheritEnvironment() {
    return inheritEnvironment;
  }

  /** The working directory of a stdio server; the JVM's when empty. */
  public Optional<Path> workingDirectory() {
    return Optional.ofNullable(workingDirectory);
  }

  /** The roots offered through {@code roots/list}; the roots capability is declared if any. */
  public List<McpRoot> roots() {
    return roots;
  }

  /** The default timeout of each request on this server. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** The timeout of connecting and the {@code initialize} handshake together. */
  public Duration initializeTimeout() {
    return initializeTimeout;
  }

  /** How long a closing stdio server may take to exit before it is terminated. */
  public Duration closeGracePeriod() {
    return closeGracePeriod;
  }

  /** The maximum size of one message in bytes, in either direction. */
  public long maxMessageSize() {
    return maxMessageSize;
  }

  /** How many of the last stderr lines are kept for error reports. */
  public int stderrTailLines() {
    return stderrTailLines;
  }

  /**
   * Returns the command and arguments as one list, or the URL for HTTP; for logs. Header values and
   * environment values are left out because they may hold credentials.
   */
  public String describeTarget() {
    if (transport == McpTransportKind.STREAMABLE_HTTP) {
      return String.valueOf(url);
    }
    List<String> line = new ArrayList<>();
    line.add(String.valueOf(command));
    line.addAll(args);
    return String.join(" ", line);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof McpServerSpec that
        && id.equals(that.id)
        && transport == that.transport
        && Objects.equals(command, that.command)
        && args.equals(that.args)
        && Objects.equals(url, that.url)
        && headers.equals(that.headers)
        && env.equals(that.env)
        && inheritEnvironment == that.inheritEnvironment
        && Objects.equals(workingDirectory, that.workingDirectory)
        && roots.equals(that.roots)
        && requestTimeout.equals(that.requestTimeout)
        && initializeTimeout.equals(that.initializeTimeout)
        && closeGracePeriod.equals(that.closeGracePeriod)
        && maxMessageSize == that.maxMessageSize
        && stderrTailLines == that.stderrTailLines;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, transport, command, args, url, env, workingDirectory, roots);
  }

  @Override
  public String toString() {
    return "McpServerSpec[" + id + ", " + transport + ", " + describeTarget() + "]";
  }

  /** Builds an {@link McpServerSpec}. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private McpTransportKind transport = McpTransportKind.STDIO;
    private @Nullable String command;
    private final List<String> args = new ArrayList<>();
    private @Nullable URI url;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private boolean inheritEnvironment;
    private @Nullable Path workingDirectory;
    private final List<McpRoot> roots = new ArrayList<>();
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private Duration initializeTimeout = DEFAULT_INITIALIZE_TIMEOUT;
    private Duration closeGracePeriod = DEFAULT_CLOSE_GRACE_PERIOD;
    private long maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
    private int stderrTailLines = DEFAULT_STDERR_TAIL_LINES;

    private Builder(String id) {
      Objects.requireNonNull(id, "id");

      if (!ID.matcher(id).matches()) {
        throw new IllegalArgumentException(
            "MCP server id '"
                + id
                + "' is invalid: use 1 to 64 characters of [A-Za-z0-9._-], starting with a letter"
                + " or digit");
      }
      this.id = id;
    }

    /** Sets the transport. Default {@link McpTransportKind#STDIO}. */
    public Builder transport(McpTransportKind transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    /**
     * Sets the command of a stdio server: a path, or a name resolved through the server's {@code
     * PATH}. No shell is involved.
     *
     * @throws IllegalArgumentException if the command is blank
     */
    public Builder command(String command) {
      Objects.requireNonNull(command, "command");

      if (command.isBlank()) {
        throw new IllegalArgumentException("command of MCP server '" + id + "' must not be blank");
      }
      this.command = command;
      return this;
    }

    /** Replaces the arguments; each is passed on unchanged. Default none. */
    public Builder args(List<String> args) {
      Objects.requireNonNull(args, "args");

      List<String> copy = new ArrayList<>(args.size());
      for (String arg : args) {
        copy.add(Objects.requireNonNull(arg, "args element"));
      }
      this.args.clear();
      this.args.addAll(copy);
      return this;
    }

    /**
     * Sets command and arguments from one command line, split with shell-like quoting: unquoted
     * whitespace separates words, single quotes keep text literally, double quotes keep text but
     * let a backslash escape {@code " \ $ `}, and an unquoted backslash escapes the next character.
     * Unquoted {@code | & ; < > ( ) $ ` * ? [ ] { } ~ #} are rejected, because only a shell could
     * interpret them; run {@code sh -c} explicitly if that is what you want.
     *
     * @throws IllegalArgumentException naming the problem and its position
     */
    public Builder commandLine(String commandLine) {
      Objects.requireNonNull(commandLine, "commandLine");

      List<String> words = CommandLines.split(commandLine);
      command(words.get(0));
      return args(words.subList(1, words.size()));
    }

    /**
     * Sets the URL of a Streamable HTTP server.
     *
     * @throws IllegalArgumentException unless the URL is absolute with scheme http or https
     */
    public Builder url(URI url) {
      Objects.requireNonNull(url, "url");

      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
        throw new IllegalArgumentException(
            "URL of MCP server '" + id + "' must be an absolute http or https URL, was " + url);
      }
      if (url.getHost() == null) {
        throw new IllegalArgumentException("URL of MCP server '" + id + "' has no host: " + url);
      }
      this.url = url;
      return this;
    }

    /**
     * Adds an HTTP header sent on every request to a Streamable HTTP server, for example {@code
     * Authorization}. Values are never logged.
     *
     * @throws IllegalArgumentException if the name is not an HTTP token, or the value has a line
     *     break
     */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");

      if (!HEADER_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("HTTP header name '" + name + "' is not a valid token");
      }
      if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("value of HTTP header '" + name + "' has a line break");
      }
      headers.put(name, value);
      return this;
    }

    /**
     * Sets one environment variable of the server, on top of the base environment.
     *
     * @throws IllegalArgumentException if the name is not {@code [A-Za-z_][A-Za-z0-9_]*} or the
     *     value contains a NUL character
     */
    public Builder env(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");

      if (!ENV_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "environment variable name '" + name + "' is invalid: use [A-Za-z_][A-Za-z0-9_]*");
      }
      if (value.indexOf('\0') >= 0) {
        throw new IllegalArgumentException(
            "value of environment variable '" + name + "' contains a NUL character");
      }
      env.put(name, value);
      return this;
    }

    /** Sets several environment variables; see {@link #env(String, String)}. */
    public Builder env(Map<String, String> variables) {
      Objects.requireNonNull(variables, "variables");

      variables.forEach(this::env);
      return this;
    }

    /**
     * Sets whether a stdio server gets the whole JVM environment instead of {@link
     * #BASE_ENVIRONMENT}. Default false, so secrets in the JVM's environment stay out of servers.
     */
    public Builder inheritEnvironment(boolean inheritEnvironment) {
      this.inheritEnvironment = inheritEnvironment;
      return this;
    }

    /** Sets the working directory of a stdio server. Default the JVM's working directory. */
    public Builder workingDirectory(@Nullable Path workingDirectory) {
      this.workingDirectory = workingDirectory;
      return this;
    }

    /** Adds a root offered to the server. Default none, and then no roots capability. */
    public Builder root(McpRoot root) {
      roots.add(Objects.requireNonNull(root, "root"));
      return this;
    }

    /** Replaces the roots. */
    public Builder roots(List<McpRoot> roots) {
      Objects.requireNonNull(roots, "roots");

      List<McpRoot> copy = List.copyOf(roots);
      this.roots.clear();
      this.roots.addAll(copy);
      return this;
    }

    /**
     * Sets the default timeout of each request. Default 30 s; in 1 ms..24 h. A call may override
     * it.
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = checkDuration("requestTimeout", requestTimeout, Duration.ofHours(24));
      return this;
    }

    /** Sets the timeout of process start plus {@code initialize}. Default 20 s; 1 ms..10 min. */
    public Builder initializeTimeout(Duration initializeTimeout) {
      this.initializeTimeout =
          checkDuration("initializeTimeout", initializeTimeout, Duration.ofMinutes(10));
      return this;
    }

    /**
     * Sets how long a closing stdio server may take to exit after its stdin closes, before it and
     * its descendants are terminated. Default 2 s; 1 ms..5 min.
     */
    public Builder closeGracePeriod(Duration closeGracePeriod) {
      this.closeGracePeriod =
          checkDuration("closeGracePeriod", closeGracePeriod, Duration.ofMinutes(5));
      return this;
    }

    /**
     * Sets the maximum size of one message in bytes. Default 64 MiB; 1 KiB..{@link
     * #MAX_MESSAGE_SIZE_LIMIT}. A larger incoming message fails only the request it answers.
     */
    public Builder maxMessageSize(long maxMessageSize) {
      if (maxMessageSize < 1024 || maxMessageSize > MAX_MESSAGE_SIZE_LIMIT) {
        throw new IllegalArgumentException(
            "maxMessageSize must be in 1024.."
                + MAX_MESSAGE_SIZE_LIMIT
                + ", was "
                + maxMessageSize);
      }
      this.maxMessageSize = maxMessageSize;
      return this;
    }

    /** Sets how many stderr lines are kept for error reports. Default 50; 0..10000. */
    public Builder stderrTailLines(int stderrTailLines) {
      if (stderrTailLines < 0 || stderrTailLines > 10_000) {
        throw new IllegalArgumentException(
            "stderrTailLines must be in 0..10000, was " + stderrTailLines);
      }
      this.stderrTailLines = stderrTailLines;
      return this;
    }

    private Duration checkDuration(String name, Duration value, Duration max) {
      Objects.requireNonNull(value, name);
      if (value.compareTo(Duration.ofMillis(1)) < 0 || value.compareTo(max) > 0) {
        throw new IllegalArgumentException(name + " must be in 1ms.." + max + ", was " + value);
      }
      return value;
    }

    /**
     * Returns the spec.
     *
     * @throws IllegalArgumentException if a stdio spec has no command or a URL, or a Streamable
     *     HTTP spec has no URL or a command
     */
    public McpServerSpec build() {
      if (transport == McpTransportKind.STDIO) {
        if (command == null) {
          throw new IllegalArgumentException("stdio MCP server '" + id + "' needs a command");
        }
        if (url != null) {
          throw new IllegalArgumentException(
              "stdio MCP server '" + id + "' has a URL; set transport STREAMABLE_HTTP to use it");
        }
      } else {
        if (url == null) {
          throw new IllegalArgumentException("Streamable HTTP MCP server '" + id + "' needs a URL");
        }
        if (command != null) {
          throw new IllegalArgumentException(
              "Streamable HTTP MCP server '" + id + "' has a command; use transport STDIO");
        }
      }
      return new McpServerSpec(this);
    }
  }
}
