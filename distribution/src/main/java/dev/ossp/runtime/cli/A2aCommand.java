package dev.ossp.runtime.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ossp.runtime.a2a.A2aClient;
import dev.ossp.runtime.a2a.A2aStream;
import dev.ossp.runtime.a2a.A2aTarget;
import dev.ossp.runtime.a2a.AgentCard;
import dev.ossp.runtime.a2a.DataPart;
import dev.ossp.runtime.a2a.Message;
import dev.ossp.runtime.a2a.Part;
import dev.ossp.runtime.a2a.SendOptions;
import dev.ossp.runtime.a2a.SendResult;
import dev.ossp.runtime.a2a.Task;
import dev.ossp.runtime.a2a.TaskState;
import dev.ossp.runtime.a2a.TextPart;
import dev.ossp.runtime.core.OsspRuntime;
import dev.ossp.runtime.discovery.AgentInterface;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A2A client commands, through the runtime's {@link A2aClient}: pooling, URN resolution through
 * discovery, breakers and retries. A target is an agent URN or an http(s) URL: a card URL when it
 * ends in {@code .json}, else the agent's base URL. {@link A2aOptions} describes where a URN is
 * resolved.
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

    @Mixin private A2aOptions options;

    Card(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      A2aOptions.parseTarget(target);
      AgentCard card;
      try (OsspRuntime runtime = options.start(context.home())) {
        A2aClient client = LocalRuntime.require(runtime, A2aClient.class, "a2a");
        card = client.card(options.target(runtime, target));
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
      output.println("  streaming    " + (card.features().streaming() ? "yes" : "no"));
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
      description = {
        "Sends a text message to an agent and prints its reply: a message, or a task with its"
            + " artifacts.",
        "Exit status 1 when the task ends failed or rejected."
      })
  static final class Send implements Callable<Integer> {
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    private final CliContext context;

    @Parameters(
        index = "0",
        paramLabel = "URN|URL",
        description = "The agent: a URN, its base URL or its card URL.")
    private String target;

    @Parameters(index = "1", paramLabel = "TEXT", description = "The message text.")
    private String text;

    @Option(
        names = "--data",
        paramLabel = "JSON",
        description =
            "Adds a data part with this JSON object after the text, such as"
                + " '{\"domain\":\"language\"}' for the discover-agents skill of a node.")
    private @Nullable String data;

    @Option(
        names = "--stream",
        description =
            "Stream the agent's events as they arrive. An agent whose card declares that it"
                + " does not stream gets a plain send, with a note on standard error.")
    private boolean stream;

    @Option(names = "--json", description = "Print the reply (or each event) as JSON.")
    private boolean json;

    @Mixin private A2aOptions options;

    Send(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      A2aOptions.parseTarget(target);
      Message message = message(text, data);
      Output output = context.output();
      try (OsspRuntime runtime = options.start(context.home())) {
        A2aClient client = LocalRuntime.require(runtime, A2aClient.class, "a2a");
        A2aTarget agent = options.target(runtime, target);
        if (stream) {
          AgentCard card = client.card(agent);
          if (card.features().streaming()) {
            return stream(output, client, agent, message);
          }
          output.error(
              "note: "
                  + card.name()
                  + " does not stream (its card sets capabilities.streaming to false), so the"
                  + " message is sent without streaming");
        }
        SendResult result = client.sendMessage(agent, message, SendOptions.defaults());
        A2aViews.print(output, result, json);
        return failed(result) ? OsspCli.EXIT_FAILURE : OsspCli.EXIT_OK;
      }
    }

    private int stream(Output output, A2aClient client, A2aTarget agent, Message message) {
      try (A2aStream events = client.streamMessage(agent, message, SendOptions.defaults())) {
        while (events.hasNext()) {
          A2aViews.printEvent(output, events.next(), json);
        }
        output.error("stream ended: " + events.end().name().toLowerCase(Locale.ROOT));
        TaskState last = events.lastState().orElse(null);
        return last == TaskState.FAILED || last == TaskState.REJECTED
            ? OsspCli.EXIT_FAILURE
            : OsspCli.EXIT_OK;
      }
    }

    /** Returns a user message with the text and, when given, a data part of {@code dataJson}. */
    static Message message(String text, @Nullable String dataJson) {
      List<Part> parts = new ArrayList<>();
      parts.add(TextPart.of(text));
      if (dataJson != null) {
        String expected = "expected a JSON object such as '{\"domain\":\"language\"}'";
        JsonNode object;
        try {
          object = Output.JSON.readTree(dataJson);
        } catch (JsonProcessingException e) {
          throw CliException.usage(
              "invalid --data '"
                  + dataJson
                  + "': "
                  + expected
                  + ", but it is not valid JSON ("
                  + e.getOriginalMessage()
                  + ")");
        }
        if (object == null || !object.isObject()) {
          throw CliException.usage("invalid --data '" + dataJson + "': " + expected);
        }
        parts.add(DataPart.of(Output.JSON.convertValue(object, JSON_OBJECT)));
      }
      return Message.user(parts);
    }

    private static boolean failed(SendResult result) {
      return result instanceof Task task
          && (task.state() == TaskState.FAILED || task.state() == TaskState.REJECTED);
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

    /** The arguments of both task commands. */
    static final class TaskArguments {
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
        description = "Prints a task: state, artifacts and, with --json, its history.")
    static final class Get implements Callable<Integer> {
      private final CliContext context;

      @Mixin private TaskArguments task;

      @Mixin private A2aOptions options;

      Get(CliContext context) {
        this.context = context;
      }

      @Override
      public Integer call() {
        A2aOptions.parseTarget(task.target);
        try (OsspRuntime runtime = options.start(context.home())) {
          A2aClient client = LocalRuntime.require(runtime, A2aClient.class, "a2a");
          Task found = client.getTask(options.target(runtime, task.target), task.taskId, null);
          A2aViews.print(context.output(), found, task.json);
        }
        return OsspCli.EXIT_OK;
      }
    }

    /** Cancels a task. */
    @Command(
        name = "cancel",
        mixinStandardHelpOptions = true,
        description = {
          "Asks the agent to cancel a task and prints the task the agent returns.",
          "Exit status 1 when the agent rejects the cancel, for example because the task has"
              + " already finished."
        })
    static final class Cancel implements Callable<Integer> {
      private final CliContext context;

      @Mixin private TaskArguments task;

      @Mixin private A2aOptions options;

      Cancel(CliContext context) {
        this.context = context;
      }

      @Override
      public Integer call() {
        A2aOptions.parseTarget(task.target);
        try (OsspRuntime runtime = options.start(context.home())) {
          A2aClient client = LocalRuntime.require(runtime, A2aClient.class, "a2a");
          Task canceled = client.cancelTask(options.target(runtime, task.target), task.taskId);
          A2aViews.print(context.output(), canceled, task.json);
        }
        return OsspCli.EXIT_OK;
      }
    }
  }
}
