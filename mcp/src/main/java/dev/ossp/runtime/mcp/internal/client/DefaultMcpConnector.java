package dev.ossp.runtime.mcp.internal.client;

import dev.ossp.runtime.mcp.McpClient;
import dev.ossp.runtime.mcp.McpClientOptions;
import dev.ossp.runtime.mcp.McpConnector;
import dev.ossp.runtime.mcp.McpServerSpec;
import dev.ossp.runtime.mcp.McpTransportKind;
import dev.ossp.runtime.mcp.internal.stdio.StdioTransport;
import dev.ossp.runtime.mcp.internal.transport.McpTransport;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Opens connections over the transport each spec names, on shared {@link ClientResources}.
 *
 * <p>Thread-safe.
 */
public final class DefaultMcpConnector implements McpConnector {
  private final ClientResources resources;
  private final Function<McpServerSpec, McpTransport> httpTransports;

  /**
   * Creates a connector.
   *
   * @param httpTransports creates the transport of a Streamable HTTP spec
   */
  public DefaultMcpConnector(
      ClientResources resources, Function<McpServerSpec, McpTransport> httpTransports) {
    this.resources = Objects.requireNonNull(resources, "resources");
    this.httpTransports = Objects.requireNonNull(httpTransports, "httpTransports");
  }

  /** The shared resources. */
  public ClientResources resources() {
    return resources;
  }

  @Override
  public CompletableFuture<McpClient> connect(McpServerSpec spec, McpClientOptions options) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(options, "options");

    return connectClient(spec, options).thenApply(client -> client);
  }

  /** Connects and returns the implementation type, for the pool. */
  public CompletableFuture<DefaultMcpClient> connectClient(
      McpServerSpec spec, McpClientOptions options) {
    McpTransport transport =
        spec.transport() == McpTransportKind.STDIO
            ? new StdioTransport(spec, resources.jvmEnvironment(), resources.scheduler())
            : httpTransports.apply(spec);
    McpConnection connection = new McpConnection(spec, options, resources, transport);
    return connection
        .initialize()
        .thenApply(ready -> new DefaultMcpClient(ready, spec.requestTimeout()));
  }
}
