package dev.ossp.runtime.mcp.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossp.runtime.mcp.McpClientOptions;
import dev.ossp.runtime.mcp.McpElicitationHandler;
import dev.ossp.runtime.mcp.McpElicitationRequest;
import dev.ossp.runtime.mcp.McpElicitationResult;
import dev.ossp.runtime.mcp.McpJsonRpcException;
import dev.ossp.runtime.mcp.McpRoot;
import dev.ossp.runtime.mcp.McpSamplingHandler;
import dev.ossp.runtime.mcp.McpServerRequest;
import dev.ossp.runtime.mcp.McpServerSpec;
import dev.ossp.runtime.mcp.internal.jsonrpc.Json;
import dev.ossp.runtime.mcp.internal.jsonrpc.JsonRpcSession;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles the requests a server sends to the client: {@code ping}, {@code roots/list} from the
 * spec's roots, and {@code sampling/createMessage} and {@code elicitation/create} through the
 * registered handlers, which run on the worker executor. A method without a handler gets -32601. A
 * server's {@code notifications/cancelled} for one of its requests cancels the handler's work and
 * suppresses the answer.
 *
 * <p>Thread-safe.
 */
final class ServerRequests {
  private static final Logger LOG = LoggerFactory.getLogger(ServerRequests.class);

  private final McpServerSpec spec;
  private final McpClientOptions options;
  private final JsonRpcSession session;
  private final ExecutorService executor;
  private final ConcurrentHashMap<String, CompletableFuture<?>> running = new ConcurrentHashMap<>();

  ServerRequests(
      McpServerSpec spec,
      McpClientOptions options,
      JsonRpcSession session,
      ExecutorService executor) {
    this.spec = spec;
    this.options = options;
    this.session = session;
    this.executor = executor;
  }

  /** Returns the capabilities object this client declares in {@code initialize}. */
  ObjectNode capabilities() {
    ObjectNode capabilities = Json.object();
    if (!spec.roots().isEmpty()) {
      capabilities.putObject("roots").put("listChanged", false);
    }
    if (options.samplingHandler().isPresent()) {
      capabilities.putObject("sampling");
    }
    if (options.elicitationHandler().isPresent()) {
      capabilities.putObject("elicitation").putObject("form");
    }
    return capabilities;
  }

  void handle(JsonNode id, String method, JsonNode params) {
    switch (method) {
      case "ping" -> session.respond(id, Json.object());
      case "roots/list" -> answerRoots(id);
      case "sampling/createMessage" ->
          options
              .samplingHandler()
              .ifPresentOrElse(
                  handler -> runHandler(id, method, () -> sample(handler, params)),
                  () -> methodNotFound(id, method));
      case "elicitation/create" ->
          options
              .elicitationHandler()
              .ifPresentOrElse(
                  handler -> runHandler(id, method, () -> elicit(handler, params)),
                  () -> methodNotFound(id, method));
      default -> methodNotFound(id, method);
    }
  }

  private void answerRoots(JsonNode id) {
    if (spec.roots().isEmpty()) {
      methodNotFound(id, "roots/list");
      return;
    }
    ObjectNode result = Json.object();
    ArrayNode roots = result.putArray("roots");
    for (McpRoot root : spec.roots()) {
      ObjectNode entry = roots.addObject().put("uri", root.uri().toString());
      if (root.name() != null) {
        entry.put("name", root.name());
      }
    }
    session.respond(id, result);
  }

  private CompletionStage<JsonNode> sample(McpSamplingHandler handler, JsonNode params) {
    McpServerRequest request =
        new McpServerRequest(spec.id(), "sampling/createMessage", Json.write(params));
    return handler
        .createMessage(request)
        .thenApply(
            resultJson -> {
              JsonNode result = Json.parse(resultJson, "the sampling handler's result");
              if (!result.isObject()) {
                throw new IllegalArgumentException(
                    "the sampling handler's result must be a JSON object, was: " + resultJson);
              }
              return result;
            });
  }

  private CompletionStage<JsonNode> elicit(McpElicitationHandler handler, JsonNode params) {
    JsonNode schema = params.path("requestedSchema");
    McpElicitationRequest request =
        new McpElicitationRequest(
            spec.id(),
            Json.textOrEmpty(params, "message"),
            schema.isObject() ? Json.write(schema) : "{}",
            Json.write(params));
    return handler
        .elicit(request)
        .thenApply(
            answer -> {
              ObjectNode result =
                  Json.object().put("action", answer.action().name().toLowerCase(Locale.ROOT));
              if (answer.action() == McpElicitationResult.Action.ACCEPT) {
                JsonNode content = Json.parse(answer.contentJson(), "the elicitation content");
                if (!content.isObject()) {
                  throw new IllegalArgumentException(
                      "elicitation content must be a JSON object, was: " + answer.contentJson());
                }
                result.set("content", content);
              }
              return result;
            });
  }

  private void runHandler(
      JsonNode id, String method, Supplier<CompletionStage<JsonNode>> handlerCall) {
    String key = id.toString();
    CompletableFuture<JsonNode> work =
        CompletableFuture.supplyAsync(handlerCall, executor).thenCompose(Function.identity());
    running.put(key, work);
    work.whenComplete(
        (result, error) -> {
          if (running.remove(key) == null) {
            LOG.debug("MCP server '{}' cancelled its {} request {}", spec.id(), method, key);
            return;
          }
          if (error == null) {
            session.respond(id, result);
            return;
          }
          Throwable cause =
              error instanceof CompletionException && error.getCause() != null
                  ? error.getCause()
                  : error;
          LOG.warn(
              "the {} handler failed for MCP server '{}': {}", method, spec.id(), cause.toString());
          if (cause instanceof McpJsonRpcException jsonRpc) {
            session.respondError(id, jsonRpc.code(), String.valueOf(cause.getMessage()));
          } else {
            session.respondError(
                id, McpJsonRpcException.INTERNAL_ERROR, method + " failed: " + cause.getMessage());
          }
        });
  }

  /** Cancels the handler work for a request the server cancelled; true if there was one. */
  boolean cancelledByServer(JsonNode requestId) {
    CompletableFuture<?> work = running.remove(requestId.toString());
    if (work == null) {
      return false;
    }
    work.cancel(true);
    return true;
  }

  /** Cancels every running handler, when the connection closes. */
  void cancelAll() {
    running.values().forEach(work -> work.cancel(true));
    running.clear();
  }

  private void methodNotFound(JsonNode id, String method) {
    LOG.debug("MCP server '{}' sent {}, which this client does not handle", spec.id(), method);
    session.respondError(id, McpJsonRpcException.METHOD_NOT_FOUND, "Method not found: " + method);
  }
}
