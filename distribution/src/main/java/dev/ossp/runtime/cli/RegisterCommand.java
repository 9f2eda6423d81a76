package dev.ossp.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ossp.runtime.core.OsspRuntime;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.AgentRegistration;
import dev.ossp.runtime.discovery.AgentRegistry;
import dev.ossp.runtime.error.ValidationException;
import dev.ossp.runtime.urn.AgentUrn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Registers agent cards with a running node, or with the embedded registry. */
@Command(
    name = "register",
    mixinStandardHelpOptions = true,
    description = {
      "Registers agent cards (A2A v0.2, v0.3 or v1.0 shapes, or OSSP manifests).",
      "Give one card file with --urn or --domain, or a directory: every *.json file in it is"
          + " registered under --domain."
    })
final class RegisterCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(paramLabel = "CARD", description = "A card JSON file, or a directory of them.")
  private Path path;

  @ArgGroup(multiplicity = "1")
  private Identity identity;

  @Option(
      names = "--replace",
      description = "With --local, replace an agent that is already registered instead of failing.")
  private boolean replace;

  @Option(
      names = "--local",
      description = "Register in the embedded registry under runtime.data-dir instead of a node.")
  private boolean local;

  @Option(names = "--json", description = "Print the registered records as JSON.")
  private boolean json;

  @Mixin private NodeOptions nodeOptions;

  @Mixin private RuntimeOptions runtimeOptions;

  /** Where the URN comes from: given whole, or derived from a domain and the card. */
  static final class Identity {
    @Option(
        names = "--urn",
        paramLabel = "URN",
        description = "The agent's URN, such as urn:agent:ai:ml-agent@1.0.0.")
    @Nullable String urn;

    @Option(
        names = "--domain",
        paramLabel = "DOMAIN",
        description = "Domain to derive the URN in: urn:agent:DOMAIN:<card name>@<card version>.")
    @Nullable String domain;
  }

  RegisterCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    List<Path> cards = cardFiles(path);
    AgentUrn urn = identity.urn == null ? null : parseUrn(identity.urn);
    if (urn != null && cards.size() > 1) {
      throw CliException.usage(
          "--urn names one agent, but "
              + path
              + " contains "
              + cards.size()
              + " cards; use --domain");
    }
    ArrayNode registered = Output.JSON.createArrayNode();
    if (local) {
      try (OsspRuntime runtime = LocalRuntime.start(runtimeOptions, context.home())) {
        AgentRegistry registry = LocalRuntime.require(runtime, AgentRegistry.class, "discovery");
        for (Path card : cards) {
          AgentRegistration registration =
              AgentRegistration.builder(read(card)).urn(urn).domain(identity.domain).build();
          AgentRecord record =
              withFile(
                  card,
                  () -> replace ? registry.upsert(registration) : registry.register(registration));
          registered.add(AgentViews.record(record, false));
        }
      }
    } else {
      NodeClient client = nodeOptions.writeClient(runtimeOptions, context.home());
      for (Path card : cards) {
        String body = envelope(read(card), urn, identity.domain);
        JsonNode record = withFile(card, () -> client.postJson("/v1/agents", body));
        registered.add(record);
      }
    }
    print(registered);
    return OsspCli.EXIT_OK;
  }

  private void print(ArrayNode registered) {
    Output output = context.output();
    if (json) {
      output.json(registered);
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode record : registered) {
      rows.add(
          List.of(
              record.path("urn").asText(),
              record.path("name").asText(),
              record.path("cardShape").asText(),
              record.path("revision").asText()));
    }
    output.table(List.of("URN", "NAME", "CARD", "REVISION"), rows);
    output.println(
        "Registered "
            + registered.size()
            + " agent(s)"
            + (local ? " in the embedded registry." : " with " + nodeOptions.nodeUri() + "."));
  }

  /** Runs a registration, naming the card file in its error. */
  private static <T> T withFile(Path card, java.util.function.Supplier<T> registration) {
    try {
      return registration.get();
    } catch (CliException e) {
      throw new CliException(e.exitCode(), card + ": " + e.getMessage(), e);
    } catch (ValidationException e) {
      throw new CliException(OsspCli.EXIT_FAILURE, card + ": " + e.getMessage(), e);
    }
  }

  static AgentUrn parseUrn(String text) {
    try {
      return AgentUrn.parse(text);
    } catch (ValidationException e) {
      throw CliException.usage(
          "invalid URN '"
              + text
              + "': "
              + e.getMessage()
              + "; expected urn:agent:<domain>:<name>[@<version>]");
    }
  }

  /** Returns the card files: the file itself, or the directory's *.json files sorted by name. */
  static List<Path> cardFiles(Path path) {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw CliException.usage(
          path + " does not exist; give a card JSON file or a directory of them");
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(path, "*.json")) {
      for (Path entry : entries) {
        if (Files.isRegularFile(entry)) {
          files.add(entry);
        }
      }
    } catch (IOException e) {
      throw new CliException("cannot list " + path + ": " + e.getMessage());
    }
    if (files.isEmpty()) {
      throw CliException.usage("the directory " + path + " contains no *.json card files");
    }
    files.sort(null);
    return files;
  }

  /** Reads a card and checks that it is a JSON object. */
  static String read(Path card) {
    String text;
    try {
      text = Files.readString(card, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliException("cannot read " + card + ": " + e.getMessage());
    }
    JsonNode parsed;
    try {
      parsed = Output.JSON.readTree(text);
    } catch (IOException e) {
      throw new CliException(
          card + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (parsed == null || !parsed.isObject()) {
      throw new CliException(card + " must hold a JSON object (an agent card)");
    }
    return text;
  }

  /** Returns the registration envelope with the card embedded unchanged. */
  static String envelope(String cardJson, @Nullable AgentUrn urn, @Nullable String domain) {
    StringBuilder body = new StringBuilder("{");
    if (urn != null) {
      body.append("\"urn\":").append(new TextNode(urn.toString())).append(',');
    }
    if (domain != null) {
      body.append("\"domain\":").append(new TextNode(domain)).append(',');
    }
    return body.append("\"card\":").append(cardJson.strip()).append('}').toString();
  }
}
