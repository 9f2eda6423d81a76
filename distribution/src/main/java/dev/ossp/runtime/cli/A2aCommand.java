package dev.ossp.runtime.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossp.runtime.a2a.A2aClient;
import dev.ossp.runtime.a2a.A2aStream;
import dev.ossp.runtime.a2a.A2aTarget;
import dev.ossp.runtime.a2a.AgentCard;
import dev.ossp.runtime.a2a.Artifact;
import dev.ossp.runtime.a2a.Message;
import dev.ossp.runtime.a2a.SendOptions;
import dev.ossp.runtime.a2a.SendResult;
import dev.ossp.runtime.a2a.StreamEvent;
import dev.ossp.runtime.a2a.Task;
import dev.ossp.runtime.a2a.TaskArtifactUpdateEvent;
import dev.ossp.runtime.a2a.TaskState;
import dev.ossp.runtime.a2a.TaskStatusUpdateEvent;
import dev.ossp.runtime.core.OsspRuntime;
import dev.ossp.runtime.discovery.AgentInterface;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A2A client commands, through the runtime's {@link A2aClient}: pooling, URN resolution through
 * discovery, breakers and retries. A target is an agent URN, resolved in the registry under {@code
 * runtime.data-dir}, or an http(s) URL: a card URL when it ends in {@code .json}, else the agent's
 * base URL.
 */
@Command(
    name = "a2a",
    mixinStandardHelpOptions = true,
    description = "Reads agent cards and sends A2A messages with the runtime's A2A client.",
    subcommands = {A2aCommand.Card.class, A2aCommand.Send.class, A2aCommand.TaskCommand.class})
final class A2aCommand implements Runnable {
  @picocli.CommandLine.Spec private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "missing command: card, send or task");
  }

  /** Returns the target named by a URN or an http(s) URL. */
  static A2aTarget target(String text) {
    if (text.regionMatches(true, 0, "urn:", 0, 4)) {
      return A2aTarget.urn(RegisterCommand.parseUrn(text));
    }
    try {
      URI uri = new URI(text);
      if (uri.getScheme() != null
          && uri.getScheme().matches("(?i)https?")
          && uri.getHost() != null) {
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
            + "': give an agent URN such as urn:agent:ai:ml-agent or an http(s) URL of the agent or its card");
  }

  /** Prints an agent card. */
  @Command(
      name = "card",
      mixinStandardHelpOptions = true,
      description = "Fetches and prints an agent's card.")
  static final class Card implements Callable<Integer> {
    private final CliContext context;

    @Parameters(
        paramLabel = "URN|URL",
        description = "The agent: a URN, its base URL or its card URL.")
    private String target;

    @Option(names = "--json", description = "Print the card as the agent serves it.")
    private boolean json;

    @Mixin private RuntimeOptions runtimeOptions;

    Card(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      A2aTarget agent = target(target);
      AgentCard card;
      try (OsspRuntime runtime = LocalRuntime.start(runtimeOptions, context.home())) {
        card = LocalRuntime.require(runtime, A2aClient.class, "a2a").card(agent);
      }
      Output output = context.output();
      if (json) {
        output.json(Output.parse(card.json()));
        return OsspCli.EXIT_OK;
      }
      output.heading(card.name() + (card.version() == null ? "" : " " + card.version()));
      if (card.description() != null) {
        output.println("  " + card.description());
      }
      output.println(
          "  card shape   " + AgentViews.shapeName(card.shape()) + " from " + card.source());
      for (AgentInterface agentInterface : card.interfaces()) {
        output.println(
            "  interface    "
                + agentInterface.url()
                + " "
                + agentInterface.binding()
                + (agentInterface.protocolVersion() == null
                    ? ""
                    : " " + agentInterface.protocolVersion()));
      }
      card.skills()
          .forEach(
              skill -> output.println("  skill        " + skill.id() + " (" + skill.name() + ")"));
      return OsspCli.EXIT_OK;
    }
  }

  /** Sends a text message and prints the reply. */
  @Command(
      name = "send",
      mixinStandardHelpOptions = true,
      description =
          "Sends a text message to an agent and prints its reply: a message, or a task with its artifacts.")
  static final class Send implements Callable<Integer> {
    private final CliContext context;

    @Parameters(
        index = "0",
        paramLabel = "URN|URL",
        description = "The agent: a URN, its base URL or its card URL.")
    private String target;

    @Parameters(index = "1", paramLabel = "TEXT", description = "The message text.")
    private String text;

    @Option(names = "--stream", description = "Stream the agent's events as they arrive.")
    private boolean stream;

    @Option(names = "--json", description = "Print the reply (or each event) as JSON.")
    private boolean json;

    @Mixin private RuntimeOptions runtimeOptions;

    Send(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      Output output = context.output();
      A2aTarget agent = target(target);
      try (OsspRuntime runtime = LocalRuntime.start(runtimeOptions, context.home())) {
        A2aClient client = LocalRuntime.require(runtime, A2aClient.class, "a2a");
        Message message = Message.userText(text);
        if (!stream) {
          SendResult result = client.sendMessage(agent, message, SendOptions.defaults());
          print(output, result, json);
          return result instanceof Task task && task.state() == TaskState.FAILED
              ? OsspCli.EXIT_FAILURE
              : OsspCli.EXIT_OK;
        }
        try (A2aStream events = client.streamMessage(agent, message, SendOptions.defaults())) {
          while (events.hasNext()) {
            printEvent(output, events.next(), json);
          }
          output.println(
              output.dim("stream ended: " + events.end().name().toLowerCase(Locale.ROOT)));
        }
      }
      return OsspCli.EXIT_OK;
    }
  }

  /** Task commands. */
  @Command(
      name = "task",
      mixinStandardHelpOptions = true,
      description = "Reads or cancels an agent's task.",
      subcommands = {A2aCommand.TaskCommand.Get.class, A2aCommand.TaskCommand.Cancel.class})
  static final class TaskCommand implements Runnable {
    @picocli.CommandLine.Spec private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "missing command: get or cancel");
    }

    /** The options of both task commands. */
    static final class TaskOptions {
      @Parameters(
          index = "0",
          paramLabel = "URN|URL",
          description = "The agent: a URN, its base URL or its card URL.")
      String target;

      @Parameters(
          index = "1",
          paramLabel = "TASK_ID",
          description = "The task's id, as 'a2a send' printed it.")
      String taskId;

      @Option(names = "--json", description = "Print the task as JSON.")
      boolean json;
    }

    /** Prints a task. */
    @Command(
        name = "get",
        mixinStandardHelpOptions = true,
        description = "Prints a task: state, artifacts and history.")
    static final class Get implements Callable<Integer> {
      private final CliContext context;

      @Mixin private TaskOptions task;

      @Mixin private RuntimeOptions runtimeOptions;

      Get(CliContext context) {
        this.context = context;
      }

      @Override
      public Integer call() {
        try (OsspRuntime runtime = LocalRuntime.start(runtimeOptions, context.home())) {
          A2aClient client = LocalRuntime.require(runtime, A2aClient.class, "a2a");
          print(
              context.output(), client.getTask(target(task.target), task.taskId, null), task.json);
        }
        return OsspCli.EXIT_OK;
      }
    }

    /** Cancels a task. */
    @Command(
        name = "cancel",
        mixinStandardHelpOptions = true,
        description = "Asks the agent to cancel a task and prints it.")
    static final class Cancel implements Callable<Integer> {
      private final CliContext context;

      @Mixin private TaskOptions task;

      @Mixin private RuntimeOptions runtimeOptions;

      Cancel(CliContext context) {
        this.context = context;
      }

      @Override
      public Integer call() {
        A2aTarget agent = target(task.target);
        try (OsspRuntime runtime = LocalRuntime.start(runtimeOptions, context.home())) {
          A2aClient client = LocalRuntime.require(runtime, A2aClient.class, "a2a");
          print(context.output(), client.cancelTask(agent, task.taskId), task.json);
        }
        return OsspCli.EXIT_OK;
      }
    }
  }

  /** Prints a direct reply or a task. */
  static void print(Output output, SendResult result, boolean json) {
    if (result instanceof Message message) {
      if (json) {
        output.json(messageJson(message));
      } else {
        output.println(message.text());
      }
      return;
    }
    Task task = (Task) result;
    if (json) {
      output.json(taskJson(task));
      return;
    }
    output.println("task " + task.id() + " " + task.state().name().toLowerCase(Locale.ROOT));
    task.status()
        .statusMessage()
        .ifPresent(message -> output.println("  status: " + message.text()));
    for (Artifact artifact : task.artifacts()) {
      output.println("  artifact: " + artifact.text());
    }
  }

  private static void printEvent(Output output, StreamEvent event, boolean json) {
    if (event instanceof Message || event instanceof Task) {
      print(output, (SendResult) event, json);
    } else if (event instanceof TaskStatusUpdateEvent update) {
      String state = update.status().state().name().toLowerCase(Locale.ROOT);
      output.println(
          json
              ? Output.JSON
                  .createObjectNode()
                  .put("taskId", update.taskId())
                  .put("state", state)
                  .put("final", update.finalEvent())
                  .toString()
              : "status " + state + (update.finalEvent() ? " (final)" : ""));
    } else if (event instanceof TaskArtifactUpdateEvent update) {
      output.println(
          json
              ? Output.JSON
                  .createObjectNode()
                  .put("taskId", update.taskId())
                  .put("artifact", update.artifact().text())
                  .toString()
              : "artifact " + update.artifact().text());
    }
  }

  private static ObjectNode messageJson(Message message) {
    ObjectNode node = Output.JSON.createObjectNode();
    node.put("kind", "message");
    node.put("messageId", message.messageId());
    node.put("role", message.role().name().toLowerCase(Locale.ROOT));
    node.put("text", message.text());
    return node;
  }

  private static ObjectNode taskJson(Task task) {
    ObjectNode node = Output.JSON.createObjectNode();
    node.put("kind", "task");
    node.put("id", task.id());
    node.put("contextId", task.contextId());
    node.put("state", task.state().name().toLowerCase(Locale.ROOT));
    ArrayNode artifacts = node.putArray("artifacts");
    for (Artifact artifact : task.artifacts()) {
      artifacts.addObject().put("text", artifact.text());
    }
    ArrayNode history = node.putArray("history");
    for (Message message : task.history()) {
      history.add(messageJson(message));
    }
    return node;
  }
}
