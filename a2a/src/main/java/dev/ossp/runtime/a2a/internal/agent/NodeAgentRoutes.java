package dev.ossp.runtime.a2a.internal.agent;

import dev.ossp.runtime.a2a.internal.A2aConfigKeys;
import dev.ossp.runtime.component.RuntimeInfo;
import dev.ossp.runtime.config.RuntimeConfig;
import dev.ossp.runtime.discovery.AgentRegistry;
import dev.ossp.runtime.node.NodeInfo;
import dev.ossp.runtime.node.NodeRequest;
import dev.ossp.runtime.node.NodeResponse;
import dev.ossp.runtime.node.Route;
import dev.ossp.runtime.node.RouteProvider;
import dev.ossp.runtime.spi.Strategies;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's own A2A agent routes: {@code GET /.well-known/agent-card.json} (the v0.3 card with the
 * v1.0 interfaces, or the v1.0 card for {@code A2A-Version: 1.0}; {@code Cache-Control: public,
 * max-age=300}, {@code Vary: A2A-Version} and an ETag) and {@code POST /a2a/jsonrpc} in both
 * dialects. Both routes are open, like the card of any public agent. Off with {@code
 * a2a.agent.enabled=false}.
 */
public final class NodeAgentRoutes implements RouteProvider {
  private static final Logger LOG = LoggerFactory.getLogger(NodeAgentRoutes.class);

  /** The path of the JSON-RPC endpoint. */
  public static final String ENDPOINT_PATH = "/a2a/jsonrpc";

  private final RuntimeConfig config;
  private final Optional<NodeInfo> node;
  private final NodeAgentRpc rpc;

  /** Creates the routes; the runtime's injector calls this. */
  @Inject
  public NodeAgentRoutes(
      RuntimeConfig config,
      Strategies strategies,
      Clock clock,
      Optional<NodeInfo> node,
      Optional<AgentRegistry> registry,
      Optional<RuntimeInfo> runtime) {
    this.config = config;
    this.node = node;
    this.rpc =
        new NodeAgentRpc(
            new NodeSkills(registry.orElse(null), runtime.orElse(null), strategies),
            new TaskLog(config.get(A2aConfigKeys.AGENT_MAX_TASKS)),
            clock);
  }

  /**
   * Returns whether the node serves its own agent: {@code a2a.agent.enabled} is true and the node's
   * HTTP server is enabled.
   */
  public static boolean served(RuntimeConfig config, Optional<NodeInfo> node) {
    return config.get(A2aConfigKeys.AGENT_ENABLED) && node.isPresent();
  }

  @Override
  public List<Route> routes() {
    if (!served(config, node)) {
      return List.of();
    }
    URI endpoint = URI.create(node.get().baseUri() + ENDPOINT_PATH);
    String name = config.get(A2aConfigKeys.AGENT_NAME);
    String version = NodeAgentRoutes.class.getPackage().getImplementationVersion();
    String cardVersion = version == null ? "0.1.0" : version;
    String v03 = NodeAgentCard.v03(name, cardVersion, endpoint);
    String v10 = NodeAgentCard.v10(name, cardVersion, endpoint);
    LOG.info("node A2A agent '{}' serves its card and JSON-RPC endpoint at {}", name, endpoint);
    return List.of(
        Route.open("GET", "/.well-known/agent-card.json", request -> card(request, v03, v10)),
        Route.open("POST", ENDPOINT_PATH, this::jsonRpc));
  }

  private static NodeResponse card(NodeRequest request, String v03, String v10) {
    String version = request.header("A2A-Version").orElse("").strip();
    boolean modern = version.equals("1") || version.startsWith("1.");
    String body = modern ? v10 : v03;
    String etag =
        "\"" + Integer.toHexString(body.hashCode()) + "-" + (modern ? "v10" : "v03") + "\"";
    if (request.header("If-None-Match").map(etag::equals).orElse(false)) {
      return NodeResponse.empty(304).withHeader("ETag", etag).withHeader("Vary", "A2A-Version");
    }
    return NodeResponse.json(200, body)
        .withHeader("Cache-Control", "public, max-age=300")
        .withHeader("Vary", "A2A-Version")
        .withHeader("ETag", etag);
  }

  private NodeResponse jsonRpc(NodeRequest request) {
    String answer =
        rpc.answer(
            new String(request.body(), StandardCharsets.UTF_8),
            request.header("A2A-Version").orElse(null));
    return NodeResponse.json(200, answer);
  }
}
