package dev.ossp.runtime.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the quickstart did, step by step: printed as it happens, or collected into one JSON document
 * with {@code --json}.
 *
 * <p>Not thread-safe.
 */
final class QuickstartReport {
  /** How a step ended. */
  enum Status {
    OK,
    SKIPPED,
    FAILED
  }

  private final Output output;
  private final boolean json;
  private final int steps;
  private final ArrayNode results = Output.JSON.createArrayNode();
  private ObjectNode current = Output.JSON.createObjectNode();
  private List<String> currentDetails = new ArrayList<>();

  QuickstartReport(Output output, boolean json, int steps) {
    this.output = output;
    this.json = json;
    this.steps = steps;
  }

  /** Starts step {@code number}. */
  void begin(int number, String title) {
    current = results.addObject();
    current.put("step", number);
    current.put("title", title);
    currentDetails = new ArrayList<>();
    if (!json) {
      output.println("");
      output.heading("[" + number + "/" + steps + "] " + title);
    }
  }

  /** Records and prints one line of what the step did. */
  void line(String text) {
    currentDetails.add(text);
    if (!json) {
      output.println("  " + text);
    }
  }

  /** Prints a table as part of the step. */
  void table(List<String> headers, List<List<String>> rows) {
    for (String row : Table.render(headers, rows)) {
      line(row);
    }
  }

  /** Ends the current step. */
  void end(Status status, String summary) {
    current.put("status", status.name().toLowerCase(Locale.ROOT));
    current.put("summary", summary);
    current.putPOJO("details", List.copyOf(currentDetails));
    if (json) {
      return;
    }
    String label =
        switch (status) {
          case OK -> output.good("done");
          case SKIPPED -> output.warning("skipped");
          case FAILED -> output.bad("FAILED");
        };
    output.println("  " + label + ": " + summary);
  }

  /** Returns how many steps ended with {@code status}. */
  int count(Status status) {
    int count = 0;
    for (var result : results) {
      if (result.path("status").asText().equals(status.name().toLowerCase(Locale.ROOT))) {
        count++;
      }
    }
    return count;
  }

  /** Returns the titles of the steps that ended with {@code status}, with their numbers. */
  List<String> titles(Status status) {
    List<String> titles = new ArrayList<>();
    for (var result : results) {
      if (result.path("status").asText().equals(status.name().toLowerCase(Locale.ROOT))) {
        titles.add(result.path("step").asInt() + " (" + result.path("summary").asText() + ")");
      }
    }
    return titles;
  }

  /** Returns the JSON document of every step. */
  ObjectNode toJson() {
    ObjectNode root = Output.JSON.createObjectNode();
    root.set("steps", results);
    root.put("ok", count(Status.OK));
    root.put("skipped", count(Status.SKIPPED));
    root.put("failed", count(Status.FAILED));
    return root;
  }
}
