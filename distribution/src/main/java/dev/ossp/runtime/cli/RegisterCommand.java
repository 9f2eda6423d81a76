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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
      "Give one card file with --urn or --domain, or a directory: every *.json file in it and"
          + " in its subfolders, at any depth, is registered under --domain, in path order.",
      "All cards are validated first: if any is invalid, none is registered and every invalid"
          + " file is listed (exit status 2)."
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
    List<ValidCard> valid = validate(cards, urn);
    ArrayNode registered = Output.JSON.createArrayNode();
    if (local) {
      try (OsspRuntime runtime = LocalRuntime.start(runtimeOptions, context.home())) {
        AgentRegistry registry = LocalRuntime.require(runtime, AgentRegistry.class, "discovery");
        if (!replace) {
          rejectRegistered(registry, valid);
        }
        for (ValidCard card : valid) {
          AgentRecord record =
              withFile(
                  card.file(),
                  () ->
                      replace
                          ? registry.upsert(card.registration())
                          : registry.register(card.registration()));
          registered.add(AgentViews.record(record, false));
        }
      }
    } else {
      NodeClient client = nodeOptions.writeClient(runtimeOptions, context.home());
      // NOTE: the node can still reject a card that passed the local checks, for example an agent
      // it already has. The cards sent before that one then stay registered.
      for (ValidCard card : valid) {
        String body = envelope(card.registration().cardJson(), urn, identity.domain);
        JsonNode record = withFile(card.file(), () -> client.postJson("/v1/agents", body));
        registered.add(record);
      }
    }
    print(registered);
    return OsspCli.EXIT_OK;
  }

  /** A card file that passed validation, with its registration and the URN it resolves to. */
  private record ValidCard(Path file, AgentRegistration registration, AgentUrn urn) {}

  /**
   * Validates every card by registering it in an in-memory registry, so no card is stored unless
   * all of them are valid.
   *
   * @throws CliException with exit status 2 listing every invalid file and its problem
   */
  private List<ValidCard> validate(List<Path> cards, @Nullable AgentUrn urn) {
    List<ValidCard> valid = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    try (OsspRuntime runtime = LocalRuntime.startWithoutStore(runtimeOptions, context.home())) {
      AgentRegistry registry = LocalRuntime.require(runtime, AgentRegistry.class, "discovery");
      for (Path card : cards) {
        try {
          AgentRegistration registration =
              AgentRegistration.builder(read(card)).urn(urn).domain(identity.domain).build();
          AgentRecord record =
              replace ? registry.upsert(registration) : registry.register(registration);
          valid.add(new ValidCard(card, registration, record.urn()));
        } catch (CliException e) {
          // The messages of read() already name the file.
          problems.add(e.getMessage());
        } catch (ValidationException | IllegalArgumentException e) {
          problems.add(card + ": " + e.getMessage());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw CliException.usage(
          problems.size()
              + " of "
              + cards.size()
              + " card file(s) are invalid, so no card was registered:\n  "
              + String.join("\n  ", problems));
    }
    return valid;
  }

  /**
   * Checks that none of the cards' agents is registered yet.
   *
   * @throws CliException listing every agent that is, before any card is stored
   */
  private static void rejectRegistered(AgentRegistry registry, List<ValidCard> cards) {
    List<String> problems = new ArrayList<>();
    for (ValidCard card : cards) {
      if (registry.get(card.urn()).isPresent()) {
        problems.add(card.file() + ": " + card.urn() + " is already registered");
      }
    }
    if (!problems.isEmpty()) {
      throw new CliException(
          String.join("\n", problems)
              + "\nNo card was registered. Pass --replace to replace these agents.");
    }
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

  /**
   * Returns the card files: the file itself, or the *.json files in the directory and its
   * subfolders, sorted by path.
   */
  static List<Path> cardFiles(Path path) {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw CliException.usage(
          path + " does not exist; give a card JSON file or a directory of them");
    }
    List<Path> files;
    try (Stream<Path> entries = Files.walk(path)) {
      files =
          entries
              .filter(entry -> entry.getFileName().toString().endsWith(".json"))
              .filter(Files::isRegularFile)
              .collect(Collectors.toCollection(ArrayList::new));
    } catch (IOException | UncheckedIOException e) {
      throw new CliException("cannot list " + path + ": " + e.getMessage());
    }
    if (files.isEmpty()) {
      throw CliException.usage(
          "the directory " + path + " and its subfolders contain no *.json card files");
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
