package dev.ossp.runtime.discovery.internal.http;

import dev.ossp.runtime.config.RuntimeConfig;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.AgentRegistration;
import dev.ossp.runtime.discovery.AgentRegistry;
import dev.ossp.runtime.discovery.RevisionConflictException;
import dev.ossp.runtime.discovery.internal.DiscoveryConfigKeys;
import dev.ossp.runtime.discovery.internal.RegistryHandle;
import dev.ossp.runtime.error.ErrorContext;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.error.ValidationException;
import dev.ossp.runtime.error.Violation;
import dev.ossp.runtime.node.NodeRequest;
import dev.ossp.runtime.node.NodeResponse;
import dev.ossp.runtime.node.Route;
import dev.ossp.runtime.node.RouteHandler;
import dev.ossp.runtime.node.RouteProvider;
import dev.ossp.runtime.registry.StoreStatus;
import dev.ossp.runtime.urn.AgentUrn;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The registry's HTTP API on the runtime node.
 *
 * <table>
 *   <caption>Routes</caption>
 *   <tr><th>route</th><th>access</th><th>answers</th></tr>
 *   <tr><td>POST /v1/agents</td><td>API key</td><td>201, 400, 409, 413</td></tr>
 *   <tr><td>PUT /v1/agents/{urn}</td><td>API key</td><td>200 or 201, 400, 404, 412, 413</td></tr>
 *   <tr><td>DELETE /v1/agents/{urn}</td><td>API key</td><td>204, 400, 404</td></tr>
 *   <tr><td>POST /v1/agents/{urn}/heartbeat</td><td>API key</td><td>200, 400, 404</td></tr>
 *   <tr><td>GET /v1/agents/{urn}</td><td>read</td><td>200, 400, 404</td></tr>
 *   <tr><td>GET /v1/agents</td><td>read</td><td>200, 400</td></tr>
 *   <tr><td>GET /v1/stats</td><td>read</td><td>200</td></tr>
 *   <tr><td>GET /.well-known/agents/{urn}</td><td>read</td><td>200, 400, 404</td></tr>
 * </table>
 *
 * <p>Read routes are open unless {@code discovery.api.read-access} is {@code api-key}. The node
 * checks the API key (401), the body size (413) and renders errors thrown here. This class itself
 * responds with 412 to a stale {@code If-Match} revision and with 413 to a card over 256 KiB.
 */
public final class RegistryRoutes implements RouteProvider {
  private final AgentRegistry registry;
  private final Route.Access readAccess;
  private final BooleanSupplier running;

  /** Creates the routes over {@code registry}, with read access from {@code config}. */
  @Inject
  public RegistryRoutes(AgentRegistry registry, RuntimeConfig config) {
    this(
        registry,
        config.get(DiscoveryConfigKeys.API_READ_ACCESS).equals("api-key")
            ? Route.Access.API_KEY
            : Route.Access.OPEN,
        registry instanceof RegistryHandle handle ? handle::started : () -> true);
  }

  /**
   * Creates the routes.
   *
   * @param running whether the registry is running; requests get 503 until it is
   */
  public RegistryRoutes(AgentRegistry registry, Route.Access readAccess, BooleanSupplier running) {
    this.registry = registry;
    this.readAccess = readAccess;
    this.running = running;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        new Route("POST", "/v1/agents", Route.Access.API_KEY, guarded(this::register)),
        new Route("PUT", "/v1/agents/{urn}", Route.Access.API_KEY, guarded(this::put)),
        new Route("DELETE", "/v1/agents/{urn}", Route.Access.API_KEY, guarded(this::delete)),
        new Route(
            "POST", "/v1/agents/{urn}/heartbeat", Route.Access.API_KEY, guarded(this::heartbeat)),
        new Route("GET", "/v1/agents/{urn}", readAccess, guarded(this::get)),
        new Route("GET", "/v1/agents", readAccess, guarded(this::query)),
        new Route("GET", "/v1/stats", readAccess, guarded(this::stats)),
        new Route("GET", "/.well-known/agents/{urn}", readAccess, guarded(this::card)));
  }

  private RouteHandler guarded(RouteHandler handler) {
    return request -> {
      if (!running.getAsBoolean()) {
        return NodeResponse.json(
                503,
                JsonViews.error(
                    503,
                    "unavailable",
                    "the discovery registry is starting; retry shortly",
                    request.requestId()))
            .withHeader("Retry-After", "1");
      }
      try {
        return handler.handle(request);
      } catch (RegistrationBody.TooLargeException e) {
        return NodeResponse.json(
            413, JsonViews.error(413, "payload-too-large", e.getMessage(), request.requestId()));
      } catch (RevisionConflictException e) {
        return NodeResponse.json(
                412,
                JsonViews.error(412, "precondition-failed", e.getMessage(), request.requestId()))
            .withHeader("ETag", etag(e.actualRevision()));
      }
    };
  }

  private NodeResponse register(NodeRequest request) throws Exception {
    AgentRegistration registration = RegistrationBody.parse(request, null);
    AgentRecord record = registry.register(registration);
    return recordResponse(201, record).withHeader("Location", "/v1/agents/" + record.urn());
  }

  private NodeResponse put(NodeRequest request) throws Exception {
    AgentUrn urn = pathUrn(request);
    AgentRegistration registration = RegistrationBody.parse(request, urn);
    Optional<String> ifMatch = request.header("If-Match");
    if (ifMatch.isEmpty()) {
      AgentRecord record = registry.upsert(registration);
      boolean created = record.registeredAt().equals(record.lastUpdated());
      return recordResponse(created ? 201 : 200, record);
    }
    long expected;
    if (ifMatch.get().strip().equals("*")) {
      AgentRecord current =
          registry
              .get(urnOf(registration, urn))
              .orElseThrow(() -> notFound(urnOf(registration, urn)));
      expected = current.revision();
    } else {
      expected = revision(ifMatch.get());
    }
    return recordResponse(200, registry.update(registration, expected));
  }

  /** The URN the update addresses: the registration's, else the path's. */
  private static AgentUrn urnOf(AgentRegistration registration, AgentUrn pathUrn) {
    return registration.urn().orElse(pathUrn);
  }

  private NodeResponse delete(NodeRequest request) {
    AgentUrn urn = pathUrn(request);
    if (!registry.deregister(urn)) {
      throw notFound(urn);
    }
    return NodeResponse.empty(204);
  }

  private NodeResponse heartbeat(NodeRequest request) {
    AgentUrn urn = pathUrn(request);
    var lease = registry.heartbeat(urn).orElse(null);
    AgentRecord record = registry.get(urn).orElseThrow(() -> notFound(urn));
    return NodeResponse.json(200, JsonViews.lease(record, lease));
  }

  private NodeResponse get(NodeRequest request) {
    AgentUrn urn = pathUrn(request);
    AgentRecord record = registry.get(urn).orElseThrow(() -> notFound(urn));
    return recordResponse(200, record);
  }

  private NodeResponse query(NodeRequest request) {
    return NodeResponse.json(
        200, JsonViews.result(registry.query(QueryParameters.parse(request.queryParameters()))));
  }

  private NodeResponse stats(NodeRequest request) {
    StoreStatus storeStatus =
        registry instanceof RegistryHandle handle ? handle.storeStatus() : StoreStatus.CONNECTED;
    return NodeResponse.json(200, JsonViews.stats(registry.stats(), storeStatus));
  }

  private NodeResponse card(NodeRequest request) {
    AgentUrn urn = pathUrn(request);
    AgentRecord record = registry.get(urn).orElseThrow(() -> notFound(urn));
    return NodeResponse.bytes(
            200, "application/json", record.cardJson().getBytes(StandardCharsets.UTF_8))
        .withHeader("ETag", etag(record.revision()))
        .withHeader("Last-Modified", httpDate(record))
        .withHeader("Cache-Control", "no-cache");
  }

  private NodeResponse recordResponse(int status, AgentRecord record) {
    return NodeResponse.json(
            status, JsonViews.record(record, registry.lease(record.urn()).orElse(null)))
        .withHeader("ETag", etag(record.revision()));
  }

  private static AgentUrn pathUrn(NodeRequest request) {
    return AgentUrn.parse(request.pathParameter("urn"));
  }

  private static long revision(String ifMatch) {
    String value = ifMatch.strip();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    try {
      long revision = Long.parseLong(value);
      if (revision >= 1) {
        return revision;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    String message =
        "If-Match must be a record revision such as \"3\" (the ETag of the record) or *";
    throw new ValidationException(
        "invalid If-Match: " + message, new Violation("If-Match", message));
  }

  private static String etag(long revision) {
    return "\"" + revision + "\"";
  }

  private static String httpDate(AgentRecord record) {
    return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
        record.lastUpdated().atOffset(java.time.ZoneOffset.UTC));
  }

  private static OsspException notFound(AgentUrn urn) {
    return new OsspException(
        ErrorKind.NOT_FOUND,
        "agent '" + urn + "' is not registered",
        null,
        ErrorContext.builder().target(urn.toString()).build());
  }
}
