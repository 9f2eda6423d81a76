package dev.ossp.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ossp.runtime.a2a.A2aTarget;
import dev.ossp.runtime.core.CoreConfigKeys;
import dev.ossp.runtime.core.OsspRuntime;
import dev.ossp.runtime.discovery.AgentRegistration;
import dev.ossp.runtime.discovery.AgentRegistry;
import dev.ossp.runtime.urn.AgentUrn;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of the {@code a2a} commands: where an agent URN is resolved, and the runtime that the
 * A2A client runs in.
 *
 * <p>The runtime runs in this process without the HTTP node. By default an agent URN is looked up
 * in the registry of the node at {@code --node} and the record is copied into the command's own
 * in-memory registry, so the A2A client resolves the URN through discovery as in any runtime
 * (interfaces in order of preference, one circuit breaker per URN). With {@code --local} the
 * runtime opens the registry store of the configuration under {@code runtime.data-dir} instead. The
 * file store is locked while a node uses it, so {@code --local} needs that node stopped.
 */
final class A2aOptions {
  /** How long the lookup of a URN in a node's registry may take; the --node help states it too. */
  static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(30);

  @Option(
      names = "--node",
      paramLabel = "URL",
      defaultValue = NodeOptions.DEFAULT_NODE,
      description =
          "The node whose registry resolves agent URNs (not used for URL targets); the lookup"
              + " times out after 30 s. Default: ${DEFAULT-VALUE}.")
  private String node = NodeOptions.DEFAULT_NODE;

  @Option(
      names = "--local",
      description =
          "Resolve agent URNs in the registry under runtime.data-dir instead of a node's; stop a"
              + " node that uses that directory first.")
  private boolean local;

  @Mixin private RuntimeOptions runtimeOptions;

  /**
   * Starts the runtime of one command, without the HTTP node; the caller closes it.
   *
   * @throws CliException with exit status 2 if {@code --node} is not an http(s) URL
   */
  OsspRuntime start(Home home) {
    NodeOptions.parseNodeUri(node);
    OsspRuntime.Builder builder =
        runtimeOptions.builder(home).set(CoreConfigKeys.NODE_ENABLED.name(), false);
    if (!local) {
      // URN records come from the node, so this runtime must not open (and lock) a store on disk.
      LocalRuntime.withMemoryStore(builder);
    }
    return LocalRuntime.start(builder);
  }

  /**
   * Returns the target named by {@code text}. Without {@code --local}, the record of a URN is first
   * copied from the node's registry into {@code runtime}'s.
   *
   * @throws CliException with exit status 2 for text that is neither a URN nor an http(s) URL, and
   *     with exit status 1 when the node does not have the agent
   */
  A2aTarget target(OsspRuntime runtime, String text) {
    A2aTarget target = parseTarget(text);
    if (!local && target.agentUrn().isPresent()) {
      copyFromNode(
          runtime,
          target.agentUrn().get(),
          new NodeClient(NodeOptions.parseNodeUri(node), null, LOOKUP_TIMEOUT));
    }
    return target;
  }

  /**
   * Returns the target named by an agent URN or an http(s) URL: a card URL when its path ends in
   * {@code .json}, else the agent's base URL.
   *
   * @throws CliException with exit status 2 for any other text
   */
  static A2aTarget parseTarget(String text) {
    if (text.regionMatches(true, 0, "urn:", 0, 4)) {
      return A2aTarget.urn(RegisterCommand.parseUrn(text));
    }
    try {
      URI uri = new URI(text);
      if (uri.getScheme() != null
          && uri.getScheme().matches("(?i)https?")
          && uri.getHost() != null) {
        if (uri.getRawUserInfo() != null) {
          // The message leaves the URL out, because its user info may hold a password.
          throw CliException.usage(
              "invalid target: the URL carries user info; remove it and configure credentials"
                  + " with a2a.auth.provider and a2a.auth.settings.* instead");
        }
        return uri.getPath() != null && uri.getPath().endsWith(".json")
            ? A2aTarget.cardUrl(uri)
            : A2aTarget.baseUrl(uri);
      }
    } catch (URISyntaxException e) {
      // Reported below with the valid forms.
    }
    throw CliException.usage(
        "invalid target '"
            + text
            + "': give an agent URN such as urn:agent:ai:ml-agent or an http(s) URL of the agent"
            + " or its card");
  }

  /**
   * Copies the record of {@code urn} from the node's registry into {@code runtime}'s registry, so
   * the A2A client resolves the URN as the node would: a URN without a version names the highest
   * release there.
   *
   * @throws CliException when the node cannot be reached or does not have the agent
   */
  static void copyFromNode(OsspRuntime runtime, AgentUrn urn, NodeClient node) {
    AgentRegistry registry = LocalRuntime.require(runtime, AgentRegistry.class, "discovery");
    JsonNode record;
    try {
      record = node.getJson("/v1/agents/" + urn);
    } catch (CliException e) {
      throw new CliException(
          "cannot resolve "
              + urn
              + " in the registry of the node at "
              + node.base()
              + ": "
              + e.getMessage()
              + "\nRegister the agent on that node, pass --node with the URL of a node that has"
              + " it, or pass --local to resolve it in the registry under runtime.data-dir.");
    }
    JsonNode card = record.path("card");
    if (!card.isObject()) {
      throw new CliException(
          "the node at "
              + node.base()
              + " returned the record of "
              + urn
              + " without its card; check that --node names an OSSP runtime node");
    }
    AgentUrn found = RegisterCommand.parseUrn(record.path("urn").asText());
    registry.upsert(AgentRegistration.of(found, card.toString()));
  }
}
