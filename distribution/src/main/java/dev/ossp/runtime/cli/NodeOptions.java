package dev.ossp.runtime.cli;

import dev.ossp.runtime.config.RuntimeConfig;
import dev.ossp.runtime.core.CoreConfigKeys;
import dev.ossp.runtime.core.OsspRuntime;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options of commands that talk to a running node over HTTP: its URL, the API key for write
 * routes, and the request timeout.
 */
public final class NodeOptions {
  /** The node URL used when {@code --node} is not given. */
  public static final String DEFAULT_NODE = "http://127.0.0.1:7070";

  /** The file name of the generated API key inside the node's data directory. */
  static final String API_KEY_FILE = "api-key";

  @Option(
      names = "--node",
      paramLabel = "URL",
      defaultValue = DEFAULT_NODE,
      description = "URL of the running node. Default: ${DEFAULT-VALUE}.")
  private String node = DEFAULT_NODE;

  @Option(
      names = "--api-key",
      paramLabel = "KEY",
      description =
          "API key for write requests. Default: $OSSP_NODE_API_KEY, else node.api-key of the"
              + " configuration, else the file api-key in the node's data directory.")
  private @Nullable String apiKey;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "The node's data directory, where 'serve' stored the API key. Default: runtime.data-dir"
              + " of the configuration (var).")
  private @Nullable Path dataDirectory;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "30s",
      converter = DurationConverter.Positive.class,
      description = "How long one request may take, such as 10s or 1m. Default: ${DEFAULT-VALUE}.")
  private Duration timeout = Duration.ofSeconds(30);

  /**
   * Returns the node's base URL without a trailing slash.
   *
   * @throws CliException with exit status 2 if the URL is not an absolute http or https URL
   */
  public URI nodeUri() {
    return parseNodeUri(node);
  }

  /**
   * Returns the node URL {@code text} without a trailing slash.
   *
   * @throws CliException with exit status 2 if it is not an absolute http or https URL
   */
  static URI parseNodeUri(String text) {
    String stripped = text.strip();
    try {
      URI uri =
          new URI(stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped);
      if (uri.getScheme() != null
          && (uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // Reported below with an example.
    }
    throw CliException.usage(
        "invalid --node '" + text + "': expected an http or https URL such as " + DEFAULT_NODE);
  }

  /** The request timeout. */
  public Duration timeout() {
    return timeout;
  }

  /** Returns a client for the node, without an API key: for read requests. */
  public NodeClient readClient() {
    return new NodeClient(nodeUri(), null, timeout);
  }

  /**
   * Returns a client for the node with the API key found as {@link #apiKey} describes.
   *
   * @throws CliException if no key is found, saying where it looked
   */
  public NodeClient writeClient(RuntimeOptions runtimeOptions, Home home) {
    return new NodeClient(nodeUri(), resolveApiKey(runtimeOptions, home), timeout);
  }

  private String resolveApiKey(RuntimeOptions runtimeOptions, Home home) {
    if (apiKey != null && !apiKey.isBlank()) {
      return apiKey.strip();
    }
    String fromEnvironment = home.environment().get("OSSP_NODE_API_KEY");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment.strip();
    }
    Path directory = dataDirectory;
    if (directory == null) {
      try (OsspRuntime runtime = runtimeOptions.builder(home).build()) {
        RuntimeConfig config = runtime.config();
        Optional<String> configured = config.find(CoreConfigKeys.NODE_API_KEY);
        if (configured.isPresent()) {
          return configured.get().strip();
        }
        directory = config.get(CoreConfigKeys.RUNTIME_DATA_DIR);
      }
    }
    Path file = directory.resolve(API_KEY_FILE);
    if (!Files.isRegularFile(file)) {
      throw new CliException(
          "no API key for the write request: "
              + file.toAbsolutePath()
              + " does not exist. Pass --api-key KEY, set OSSP_NODE_API_KEY, or pass --data-dir"
              + " with the data directory of the node (its 'serve' output names the key file).");
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new CliException(
          "cannot read the API key file " + file.toAbsolutePath() + ": " + e.getMessage());
    }
  }
}
