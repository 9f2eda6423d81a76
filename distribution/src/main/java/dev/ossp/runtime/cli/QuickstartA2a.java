package dev.ossp.runtime.cli;

import dev.ossp.runtime.a2a.A2aClient;
import dev.ossp.runtime.a2a.A2aTarget;
import dev.ossp.runtime.a2a.AgentCard;
import dev.ossp.runtime.a2a.Artifact;
import dev.ossp.runtime.a2a.DataPart;
import dev.ossp.runtime.a2a.Message;
import dev.ossp.runtime.a2a.Part;
import dev.ossp.runtime.a2a.SendOptions;
import dev.ossp.runtime.a2a.SendResult;
import dev.ossp.runtime.a2a.Task;
import dev.ossp.runtime.a2a.TaskState;
import dev.ossp.runtime.core.OsspRuntime;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.AgentRegistration;
import dev.ossp.runtime.discovery.AgentRegistry;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.resilience.CircuitBreakerRegistry;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The A2A parts of the quickstart: registering the node's own agent card in step 2, and the message
 * to the node's own agent in step 4. Both go through the runtime's {@link A2aClient}.
 */
final class QuickstartA2a {
  /** The domain of the node's own card, so its URN is {@code urn:agent:ossp:<card name>}. */
  static final String OWN_DOMAIN = "ossp";

  /** The limit of the discover-agents query in step 4. */
  private static final int QUERY_LIMIT = 10;

  private QuickstartA2a() {}

  /**
   * The outcome of registering the node's own card.
   *
   * @param record the registered record, or null when the card was not registered
   * @param summary what happened, for the step's report
   */
  record OwnCard(@Nullable AgentRecord record, String summary) {}

  /**
   * Fetches the card the node's A2A agent serves at {@code /.well-known/agent-card.json} and
   * registers it in domain {@value #OWN_DOMAIN}. Without the a2a module, or with the node's agent
   * turned off ({@code a2a.agent.enabled=false}), nothing is registered and the summary gives the
   * reason.
   */
  static OwnCard registerOwnCard(OsspRuntime runtime, AgentRegistry registry, URI nodeUrl) {
    Optional<A2aClient> client = runtime.find(A2aClient.class);
    if (client.isEmpty()) {
      return new OwnCard(
          null,
          "the node's own card is not registered because the a2a module is not installed"
              + " (components: "
              + String.join(", ", runtime.components())
              + ")");
    }
    AgentCard card;
    try {
      card = client.get().card(A2aTarget.baseUrl(nodeUrl));
    } catch (OsspException e) {
      if (e.kind() != ErrorKind.NOT_FOUND) {
        throw e;
      }
      return new OwnCard(
          null,
          "the node serves no agent card at "
              + nodeUrl
              + "/.well-known/agent-card.json, so its own card is not registered; set"
              + " a2a.agent.enabled=true to serve it");
    }
    AgentRecord record =
        registry.upsert(AgentRegistration.builder(card.json()).domain(OWN_DOMAIN).build());
    return new OwnCard(
        record,
        "the node's own card, fetched from "
            + card.source()
            + ", is registered as "
            + record.urn());
  }

  /**
   * Step 4: sends a discover-agents query to the node's own agent by its URN, and prints the agents
   * in the reply.
   *
   * @param expectedAgents how many agents step 2 registered; the reply must count at least these
   * @throws CliException when the reply is not a completed task listing the agents
   */
  static void sendMessage(
      QuickstartReport report, OsspRuntime runtime, OwnCard ownCard, int expectedAgents) {
    report.begin(4, "Send an A2A message to the node's own agent");
    Optional<A2aClient> found = runtime.find(A2aClient.class);
    if (found.isEmpty() || ownCard.record() == null) {
      report.line(ownCard.summary());
      report.end(
          QuickstartReport.Status.SKIPPED,
          found.isEmpty() ? "a2a module not installed" : "the node's own card is not registered");
      return;
    }
    A2aClient client = found.get();
    A2aTarget target = A2aTarget.urn(ownCard.record().urn());
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("skill", "discover-agents");
    query.put("limit", QUERY_LIMIT);
    report.line("agent        " + target.key() + ", resolved through discovery");
    report.line(
        "protocol     A2A "
            + client.protocol(target).version()
            + " over JSON-RPC, chosen from the card's interfaces");
    report.line("message      a data part " + Output.JSON.valueToTree(query));

    SendResult reply =
        client.sendMessage(
            target, Message.user(List.of(DataPart.of(query))), SendOptions.defaults());

    Map<String, Object> result = discoveryResult(reply);
    List<List<String>> rows = agentRows(result.get("agents"));
    long total = result.get("total") instanceof Number number ? number.longValue() : -1;
    report.line(
        "reply        task "
            + ((Task) reply).id()
            + " completed, "
            + rows.size()
            + " of "
            + total
            + " agents:");
    report.table(List.of("URN", "NAME", "VERSION"), rows);
    runtime
        .find(CircuitBreakerRegistry.class)
        .flatMap(breakers -> breakers.find(target.key()))
        .ifPresent(
            breaker -> report.line("circuit      " + breaker.name() + " " + breaker.state()));
    if (total < expectedAgents) {
      throw new CliException(
          "the node's agent found "
              + total
              + " agents, although step 2 registered "
              + expectedAgents);
    }
    report.end(
        QuickstartReport.Status.OK,
        "1 message sent through the A2A client, the node's agent found " + total + " agents");
  }

  /** Returns the data of a completed discover-agents task. */
  private static Map<String, Object> discoveryResult(SendResult reply) {
    if (!(reply instanceof Task task) || task.state() != TaskState.COMPLETED) {
      throw new CliException(
          "the node's agent did not complete the discover-agents task: " + describe(reply));
    }
    for (Artifact artifact : task.artifacts()) {
      for (Part part : artifact.parts()) {
        if (part instanceof DataPart data && data.data().get("agents") instanceof List<?>) {
          return data.data();
        }
      }
    }
    throw new CliException(
        "the node's agent completed task " + task.id() + " without a data part listing agents");
  }

  private static List<List<String>> agentRows(@Nullable Object agents) {
    List<List<String>> rows = new ArrayList<>();
    if (!(agents instanceof List<?> list)) {
      return rows;
    }
    for (Object element : list) {
      if (!(element instanceof Map<?, ?> agent)) {
        continue;
      }
      Map<?, ?> card = agent.get("card") instanceof Map<?, ?> map ? map : Map.of();
      rows.add(
          List.of(
              String.valueOf(agent.get("urn")),
              String.valueOf(card.get("name")),
              String.valueOf(card.get("version"))));
    }
    return rows;
  }

  private static String describe(SendResult reply) {
    if (reply instanceof Task task) {
      return "task " + task.id() + " is " + A2aViews.stateName(task.state());
    }
    return "a direct message: " + ((Message) reply).text();
  }
}
