package dev.ossp.runtime.mcp.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossp.runtime.mcp.McpClientOptions;
import dev.ossp.runtime.mcp.McpConnectionState;
import dev.ossp.runtime.mcp.McpConnectionStatus;
import dev.ossp.runtime.mcp.McpException;
import dev.ossp.runtime.mcp.McpListKind;
import dev.ossp.runtime.mcp.McpLogLevel;
import dev.ossp.runtime.mcp.McpLogMessage;
import dev.ossp.runtime.mcp.McpNotificationListener;
import dev.ossp.runtime.mcp.McpProtocolException;
import dev.ossp.runtime.mcp.McpServerInfo;
import dev.ossp.runtime.mcp.McpServerSpec;
import dev.ossp.runtime.mcp.McpTool;
import dev.ossp.runtime.mcp.internal.jsonrpc.Json;
import dev.ossp.runtime.mcp.internal.jsonrpc.JsonRpcSession;
import dev.ossp.runtime.mcp.internal.jsonrpc.ServerMessageHandler;
import dev.ossp.runtime.mcp.internal.transport.McpTransport;
import dev.ossp.runtime.mcp.internal.transport.TransportClosed;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's life: the {@code initialize} handshake with version negotiation, the state the
 * pool and callers read, the notifications and server requests, the cached tool list, and close.
 * {@link DefaultMcpClient} is the typed face of it.
 *
 * <p>Thread-safe.
 */
final class McpConnection implements ServerMessageHandler {
  private static final Logger LOG = LoggerFactory.getLogger(McpConnection.class);

  private final McpServerSpec spec;
  private final McpClientOptions options;
  private final ClientResources resources;
  private final McpTransport transport;
  private final JsonRpcSession session;
  private final ServerRequests serverRequests;
  private final ToolMetrics toolMetrics;
  private final Instant startedAt;
  private final CompletableFuture<Void> closedFuture = new CompletableFuture<>();
  private final AtomicBoolean closeStarted = new AtomicBoolean();
  private final AtomicLong toolsGeneration = new AtomicLong();
  private volatile McpConnectionStatus status = McpConnectionStatus.CONNECTING;
  private volatile @Nullable McpServerInfo serverInfo;
  private volatile @Nullable CompletableFuture<List<McpTool>> toolsCache;
  private volatile @Nullable Integer lastExitCode;
  private volatile int reconnectAttempts;

  McpConnection(
      McpServerSpec spec,
      McpClientOptions options,
      ClientResources resources,
      McpTransport transport) {
    this.spec = spec;
    this.options = options;
    this.resources = resources;
    this.transport = transport;
    this.session =
        new JsonRpcSession(spec.id(), transport, resources.scheduler(), resources.clock());
    this.serverRequests = new ServerRequests(spec, options, session, resources.executor());
    this.toolMetrics = new ToolMetrics(resources.metrics(), spec.id());
    this.startedAt = resources.clock().instant();
    session.setHandler(this);
  }

  /**
   * Starts the transport and runs the handshake: proposes the latest revision, accepts any revision
   * this client implements, and sends {@code notifications/initialized}. On any failure the
   * connection is closed before the future fails.
   */
  CompletableFuture<McpConnection> initialize() {
    try {
      transport.start(session);
    } catch (McpException e) {
      status = McpConnectionStatus.CLOSED;
      closedFuture.complete(null);
      return CompletableFuture.failedFuture(e);
    }
    ObjectNode params = Json.object().put("protocolVersion", ProtocolVersions.LATEST);
    params.set("capabilities", serverRequests.capabilities());
    params
        .putObject("clientInfo")
        .put("name", options.clientName())
        .put("version", options.clientVersion());
    CompletableFuture<McpServerInfo> handshake =
        session.request(
            "initialize", params, spec.initializeTimeout(), this::negotiate, null, false);
    CompletableFuture<McpConnection> result = new CompletableFuture<>();
    handshake.whenComplete(
        (info, error) -> {
          if (error != null) {
            failInitialize(unwrap(error), result);
            return;
          }
          serverInfo = info;
          session.notify("notifications/initialized", null);
          transport.initialized(info.protocolVersion());
          transport.refreshDescendants();
          status = McpConnectionStatus.CONNECTED;
          LOG.info(
              "MCP server '{}' initialized: {} {}, protocol {}, capabilities {}",
              spec.id(),
              info.name(),
              info.version(),
              info.protocolVersion(),
              info.capabilities());
          result.complete(this);
        });
    return result;
  }

  private McpServerInfo negotiate(JsonNode result) {
    String version = Json.text(result, "protocolVersion");
    if (version == null || !ProtocolVersions.isSupported(version)) {
      throw new VersionMismatch(
          (version == null
                  ? "the initialize answer has no protocolVersion"
                  : "the server answered initialize with protocol version '" + version + "'")
              + ", but this client proposed '"
              + ProtocolVersions.LATEST
              + "' and implements only "
              + String.join(", ", ProtocolVersions.SUPPORTED));
    }
    return McpResults.serverInfo(version, result);
  }

  private void failInitialize(Throwable error, CompletableFuture<McpConnection> result) {
    Throwable failure = error;
    if (error instanceof McpProtocolException && error.getCause() instanceof VersionMismatch) {
      failure =
          new McpProtocolException(spec.id(), "initialize", error.getCause().getMessage(), null);
    }
    LOG.warn("MCP server '{}' failed to initialize: {}", spec.id(), failure.getMessage());
    Throwable reported = failure;
    CompletableFuture.runAsync(this::close, resources.executor())
        .whenComplete((ignored, closeError) -> result.completeExceptionally(reported));
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }

  @Override
  public void onRequest(JsonNode id, String method, JsonNode params) {
    serverRequests.handle(id, method, params);
  }

  @Override
  public void onNotification(String method, JsonNode params) {
    switch (method) {
      case "notifications/tools/list_changed" -> {
        toolsGeneration.incrementAndGet();
        toolsCache = null;
        notifyListeners(listener -> listener.onListChanged(spec.id(), McpListKind.TOOLS));
      }
      case "notifications/resources/list_changed" ->
          notifyListeners(listener -> listener.onListChanged(spec.id(), McpListKind.RESOURCES));
      case "notifications/prompts/list_changed" ->
          notifyListeners(listener -> listener.onListChanged(spec.id(), McpListKind.PROMPTS));
      case "notifications/progress" -> {
        if (!options.listeners().isEmpty()) {
          var progress = JsonRpcSession.progressOf(params);
          notifyListeners(listener -> listener.onProgress(spec.id(), progress));
        }
      }
      case "notifications/message" -> onLogMessage(params);
      case "notifications/resources/updated" -> {
        String uri = Json.textOrEmpty(params, "uri");
        notifyListeners(listener -> listener.onResourceUpdated(spec.id(), uri));
      }
      case JsonRpcSession.CANCELLED -> {
        JsonNode requestId = params.path("requestId");
        serverRequests.cancelledByServer(requestId);
        notifyOther(method, params);
      }
      default -> notifyOther(method, params);
    }
  }

  private void onLogMessage(JsonNode params) {
    McpLogLevel level;
    try {
      level = McpLogLevel.fromWireName(Json.textOrEmpty(params, "level"));
    } catch (IllegalArgumentException e) {
      level = McpLogLevel.INFO;
    }
    String data = Json.write(params.path("data"));
    LOG.debug("[{} log {}] {}", spec.id(), level.wireName(), Json.abbreviate(data, 500));
    if (!options.listeners().isEmpty()) {
      McpLogMessage message =
          new McpLogMessage(spec.id(), level, Json.text(params, "logger"), data);
      notifyListeners(listener -> listener.onLogMessage(message));
    }
  }

  private void notifyOther(String method, JsonNode params) {
    if (!options.listeners().isEmpty()) {
      String json = Json.write(params);
      notifyListeners(listener -> listener.onOtherNotification(spec.id(), method, json));
    }
  }

  private void notifyListeners(Consumer<McpNotificationListener> call) {
    for (McpNotificationListener listener : options.listeners()) {
      try {
        call.accept(listener);
      } catch (RuntimeException e) {
        LOG.warn("a notification listener for MCP server '{}' failed", spec.id(), e);
      }
    }
  }

  @Override
  public void onClosed(TransportClosed closed) {
    lastExitCode = closed.exitCode();
    status = McpConnectionStatus.CLOSED;
    serverRequests.cancelAll();
    if (!closed.byClient()) {
      LOG.warn(
          "connection to MCP server '{}' closed: {}{}",
          spec.id(),
          closed.reason(),
          closed.exitCode() == null ? "" : " (exit code " + closed.exitCode() + ")");
    }
    closedFuture.complete(null);
  }

  /** Closes the connection; see {@link dev.ossp.runtime.mcp.McpClient#close()}. */
  void close() {
    if (!closeStarted.compareAndSet(false, true)) {
      return;
    }
    if (status != McpConnectionStatus.CLOSED) {
      status = McpConnectionStatus.CLOSING;
    }
    session.shutdown(new TransportClosed("closed by the client", null, List.of(), true));
    transport.close(spec.closeGracePeriod());
    status = McpConnectionStatus.CLOSED;
    closedFuture.complete(null);
  }

  McpServerSpec spec() {
    return spec;
  }

  boolean closedByClient() {
    return closeStarted.get();
  }

  McpClientOptions options() {
    return options;
  }

  JsonRpcSession session() {
    return session;
  }

  ToolMetrics toolMetrics() {
    return toolMetrics;
  }

  McpTransport transport() {
    return transport;
  }

  ClientResources resources() {
    return resources;
  }

  McpConnectionStatus status() {
    return status;
  }

  @Nullable McpServerInfo serverInfo() {
    return serverInfo;
  }

  CompletableFuture<Void> whenClosed() {
    return closedFuture;
  }

  /** The cached tool list, or null when none is cached. */
  @Nullable CompletableFuture<List<McpTool>> cachedTools() {
    return toolsCache;
  }

  /** The generation of the tool list; a list_changed notification starts a new one. */
  long toolsGeneration() {
    return toolsGeneration.get();
  }

  /** Caches {@code tools} unless the list changed since {@code generation}. */
  void cacheTools(long generation, CompletableFuture<List<McpTool>> tools) {
    if (toolsGeneration.get() == generation) {
      toolsCache = tools;
    }
  }

  /** Records how often the pool restarted this server before this connection. */
  void setReconnectAttempts(int reconnectAttempts) {
    this.reconnectAttempts = reconnectAttempts;
  }

  /** Records the exit code of the server's previous process, until this one ends. */
  void setPreviousExitCode(@Nullable Integer exitCode) {
    if (lastExitCode == null) {
      lastExitCode = exitCode;
    }
  }

  @Nullable Integer lastExitCode() {
    return lastExitCode;
  }

  McpConnectionState state() {
    return new McpConnectionState(
        spec.id(),
        status,
        serverInfo,
        transport.pid(),
        startedAt,
        Instant.ofEpochMilli(session.lastActivityMillis()),
        session.inFlight(),
        reconnectAttempts,
        lastExitCode);
  }

  /** Signals an unsupported protocol version from inside the result parser. */
  private static final class VersionMismatch extends RuntimeException {
    private static final long serialVersionUID = 1L;

    VersionMismatch(String message) {
      super(message, null, false, false);
    }
  }
}
