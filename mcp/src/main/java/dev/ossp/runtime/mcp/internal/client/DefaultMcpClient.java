package dev.ossp.runtime.mcp.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossp.runtime.mcp.McpClient;
import dev.ossp.runtime.mcp.McpCompletion;
import dev.ossp.runtime.mcp.McpCompletionRequest;
import dev.ossp.runtime.mcp.McpConnectionState;
import dev.ossp.runtime.mcp.McpConnectionStatus;
import dev.ossp.runtime.mcp.McpLogLevel;
import dev.ossp.runtime.mcp.McpPrompt;
import dev.ossp.runtime.mcp.McpPromptResult;
import dev.ossp.runtime.mcp.McpProtocolException;
import dev.ossp.runtime.mcp.McpResource;
import dev.ossp.runtime.mcp.McpResourceContents;
import dev.ossp.runtime.mcp.McpResourceTemplate;
import dev.ossp.runtime.mcp.McpServerInfo;
import dev.ossp.runtime.mcp.McpServerSpec;
import dev.ossp.runtime.mcp.McpTool;
import dev.ossp.runtime.mcp.McpToolCall;
import dev.ossp.runtime.mcp.McpToolResult;
import dev.ossp.runtime.mcp.internal.jsonrpc.Json;
import dev.ossp.runtime.mcp.internal.jsonrpc.RequestFuture;
import dev.ossp.runtime.mcp.internal.jsonrpc.ResultParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The {@link McpClient} of one connection, with a default request timeout. Views made with {@link
 * #withRequestTimeout} share the connection.
 *
 * <p>Thread-safe.
 */
public final class DefaultMcpClient implements McpClient {
  /** The maximum number of pages a list request follows, so a looping cursor ends. */
  static final int MAX_PAGES = 1000;

  private final McpConnection connection;
  private final Duration timeout;

  DefaultMcpClient(McpConnection connection, Duration timeout) {
    this.connection = connection;
    this.timeout = timeout;
  }

  @Override
  public String serverId() {
    return connection.spec().id();
  }

  @Override
  public McpServerSpec spec() {
    return connection.spec();
  }

  @Override
  public McpServerInfo serverInfo() {
    return Objects.requireNonNull(connection.serverInfo(), "not initialized");
  }

  @Override
  public McpConnectionState state() {
    return connection.state();
  }

  @Override
  public boolean isConnected() {
    return connection.status() == McpConnectionStatus.CONNECTED;
  }

  /** Returns the connection under this client. */
  McpConnection connection() {
    return connection;
  }

  /** Returns the number of requests in flight; cheaper than {@link #state()}. */
  public int inFlight() {
    return connection.session().inFlight();
  }

  /** Returns the clock time in milliseconds of the last request sent or response received. */
  public long lastActivityMillis() {
    return connection.session().lastActivityMillis();
  }

  /** Returns whether {@link #close()} was called, as opposed to the server going away. */
  public boolean closedByClient() {
    return connection.closedByClient();
  }

  /** Returns whether the server runs as a local process. */
  public boolean isProcess() {
    return connection.transport().pid() >= 0;
  }

  /** Refreshes the remembered child processes of a stdio server. */
  public void refreshDescendants() {
    connection.transport().refreshDescendants();
  }

  /**
   * Records the pool's history of this server in the connection state: restarts since it last ran
   * stably and the exit code of the previous process.
   */
  public void recordPoolHistory(int reconnectAttempts, @Nullable Integer previousExitCode) {
    connection.setReconnectAttempts(reconnectAttempts);
    connection.setPreviousExitCode(previousExitCode);
  }

  @Override
  public CompletableFuture<List<McpTool>> listTools() {
    CompletableFuture<List<McpTool>> cached = connection.cachedTools();
    if (cached != null && !cached.isCompletedExceptionally()) {
      return cached.thenApply(Function.identity());
    }
    long generation = connection.toolsGeneration();
    CompletableFuture<List<McpTool>> tools = listAll("tools/list", "tools", McpResults::tool);
    tools.thenRun(() -> connection.cacheTools(generation, tools));
    return tools.thenApply(Function.identity());
  }

  /** Returns the cached description of tool {@code name}, if the tool list is cached. */
  public @Nullable McpTool cachedTool(String name) {
    CompletableFuture<List<McpTool>> cached = connection.cachedTools();
    if (cached == null || !cached.isDone() || cached.isCompletedExceptionally()) {
      return null;
    }
    for (McpTool tool : cached.join()) {
      if (tool.name().equals(name)) {
        return tool;
      }
    }
    return null;
  }

  @Override
  public CompletableFuture<McpToolResult> callTool(McpToolCall call) {
    Objects.requireNonNull(call, "call");

    return connection
        .session()
        .request(
            "tools/call",
            ToolCallParams.WRITER,
            call,
            call.timeout().orElse(timeout),
            ToolResultStream.INSTANCE,
            call.progressListener().orElse(null),
            true,
            connection.toolMetrics().meter(call.name()));
  }

  @Override
  public CompletableFuture<List<McpResource>> listResources() {
    return listAll("resources/list", "resources", McpResults::resource);
  }

  @Override
  public CompletableFuture<List<McpResourceTemplate>> listResourceTemplates() {
    return listAll("resources/templates/list", "resourceTemplates", McpResults::resourceTemplate);
  }

  @Override
  public CompletableFuture<List<McpResourceContents>> readResource(String uri) {
    Objects.requireNonNull(uri, "uri");

    return send("resources/read", Json.object().put("uri", uri), McpResults::readResult);
  }

  @Override
  public CompletableFuture<Void> subscribeResource(String uri) {
    Objects.requireNonNull(uri, "uri");

    return send("resources/subscribe", Json.object().put("uri", uri), result -> null);
  }

  @Override
  public CompletableFuture<Void> unsubscribeResource(String uri) {
    Objects.requireNonNull(uri, "uri");

    return send("resources/unsubscribe", Json.object().put("uri", uri), result -> null);
  }

  @Override
  public CompletableFuture<List<McpPrompt>> listPrompts() {
    return listAll("prompts/list", "prompts", McpResults::prompt);
  }

  @Override
  public CompletableFuture<McpPromptResult> getPrompt(String name, Map<String, String> arguments) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arguments, "arguments");

    ObjectNode params = Json.object().put("name", name);
    ObjectNode values = params.putObject("arguments");
    arguments.forEach(values::put);
    return send("prompts/get", params, McpResults::promptResult);
  }

  @Override
  public CompletableFuture<McpCompletion> complete(McpCompletionRequest request) {
    Objects.requireNonNull(request, "request");

    ObjectNode params = Json.object();
    ObjectNode ref = params.putObject("ref").put("type", request.referenceType());
    if (request.referenceType().equals("ref/prompt")) {
      ref.put("name", request.reference());
    } else {
      ref.put("uri", request.reference());
    }
    params
        .putObject("argument")
        .put("name", request.argumentName())
        .put("value", request.argumentValue());
    if (!request.contextArguments().isEmpty()) {
      ObjectNode context = params.putObject("context").putObject("arguments");
      request.contextArguments().forEach(context::put);
    }
    return send("completion/complete", params, McpResults::completion);
  }

  @Override
  public CompletableFuture<Void> setLoggingLevel(McpLogLevel level) {
    Objects.requireNonNull(level, "level");

    return send("logging/setLevel", Json.object().put("level", level.wireName()), result -> null);
  }

  @Override
  public CompletableFuture<Duration> ping() {
    long start = System.nanoTime();
    return send("ping", null, result -> Duration.ofNanos(System.nanoTime() - start));
  }

  /** Sends {@code ping} with its own timeout; for health checks. */
  public CompletableFuture<Duration> ping(Duration pingTimeout) {
    long start = System.nanoTime();
    return connection
        .session()
        .request(
            "ping",
            null,
            pingTimeout,
            result -> Duration.ofNanos(System.nanoTime() - start),
            null,
            true);
  }

  @Override
  public CompletableFuture<String> request(String method, String paramsJson) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(paramsJson, "paramsJson");

    JsonNode params = Json.parse(paramsJson, "params of " + method);
    if (!params.isObject()) {
      throw new IllegalArgumentException("params of " + method + " must be a JSON object");
    }
    return send(method, (ObjectNode) params, Json::write);
  }

  @Override
  public McpClient withRequestTimeout(Duration requestTimeout) {
    Objects.requireNonNull(requestTimeout, "requestTimeout");

    if (requestTimeout.compareTo(Duration.ofMillis(1)) < 0
        || requestTimeout.compareTo(Duration.ofHours(24)) > 0) {
      throw new IllegalArgumentException(
          "request timeout must be in 1ms..24h, was " + requestTimeout);
    }
    return new DefaultMcpClient(connection, requestTimeout);
  }

  @Override
  public boolean cancel(Future<?> request, String reason) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(reason, "reason");

    return connection.session().cancel(request, reason);
  }

  @Override
  public CompletableFuture<Void> whenClosed() {
    return connection.whenClosed().thenApply(Function.identity());
  }

  @Override
  public void close() {
    connection.close();
  }

  private <T> RequestFuture<T> send(
      String method, @Nullable ObjectNode params, ResultParser<T> parser) {
    return connection.session().request(method, params, timeout, parser, null, true);
  }

  private <T> CompletableFuture<List<T>> listAll(
      String method, String field, Function<JsonNode, T> parser) {
    List<T> items = new ArrayList<>();
    Set<String> seenCursors = new HashSet<>();
    return nextPage(method, field, parser, null, items, seenCursors, 1);
  }

  private <T> CompletableFuture<List<T>> nextPage(
      String method,
      String field,
      Function<JsonNode, T> parser,
      @Nullable String cursor,
      List<T> items,
      Set<String> seenCursors,
      int page) {
    ObjectNode params = cursor == null ? null : Json.object().put("cursor", cursor);
    return send(method, params, result -> result)
        .thenCompose(
            result -> {
              items.addAll(McpResults.list(result, field, parser));
              String next = McpResults.nextCursor(result);
              if (next == null) {
                return CompletableFuture.completedFuture(List.copyOf(items));
              }
              if (!seenCursors.add(next) || page >= MAX_PAGES) {
                return CompletableFuture.failedFuture(
                    new McpProtocolException(
                        serverId(),
                        method,
                        "the server's pagination does not end: cursor '"
                            + next
                            + "' repeats or more than "
                            + MAX_PAGES
                            + " pages",
                        null));
              }
              return nextPage(method, field, parser, next, items, seenCursors, page + 1);
            });
  }

  @Override
  public String toString() {
    return "McpClient[" + serverId() + ", " + connection.status() + "]";
  }
}
