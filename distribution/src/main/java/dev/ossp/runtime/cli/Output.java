package dev.ossp.runtime.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a command prints: data and results on standard output, progress and errors on standard
 * error. Colors are used only when standard output is a terminal, {@code NO_COLOR} is unset and
 * {@code TERM} is not {@code dumb}.
 *
 * <p>Not thread-safe; one command prints from one thread.
 */
public final class Output {
  /** The JSON mapper of every {@code --json} output: indented, keys in insertion order. */
  public static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private static final String RESET = "\u001b[0m";

  private final PrintStream out;
  private final PrintStream err;
  private final boolean color;
  private final boolean terminal;

  /**
   * Creates the output.
   *
   * @param terminal whether standard output is an interactive terminal
   * @param color whether to use ANSI colors
   */
  public Output(PrintStream out, PrintStream err, boolean terminal, boolean color) {
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
    this.terminal = terminal;
    this.color = color;
  }

  /** Returns the output of this process, detecting the terminal. */
  public static Output system() {
    boolean terminal = System.console() != null;
    Map<String, String> environment = System.getenv();
    boolean color =
        terminal
            && !environment.containsKey("NO_COLOR")
            && !"dumb".equals(environment.getOrDefault("TERM", ""));
    return new Output(System.out, System.err, terminal, color);
  }

  /** Standard output. */
  public PrintStream out() {
    return out;
  }

  /** Standard error. */
  public PrintStream err() {
    return err;
  }

  /** Whether standard output is an interactive terminal. */
  public boolean terminal() {
    return terminal;
  }

  /** Prints a line on standard output. */
  public void println(String line) {
    out.println(line);
  }

  /** Prints a bold heading line. */
  public void heading(String line) {
    out.println(style("1", line));
  }

  /** Returns text in green, when colors are on. */
  public String good(String text) {
    return style("32", text);
  }

  /** Returns text in yellow, when colors are on. */
  public String warning(String text) {
    return style("33", text);
  }

  /** Returns text in red, when colors are on. */
  public String bad(String text) {
    return style("31", text);
  }

  /** Returns text dimmed, when colors are on. */
  public String dim(String text) {
    return style("2", text);
  }

  /** Prints an error message on standard error, in red when colors are on. */
  public void error(String message) {
    err.println(color ? "\u001b[31m" + message + RESET : message);
  }

  /** Prints a table with aligned columns. */
  public void table(List<String> headers, List<List<String>> rows) {
    for (String line : Table.render(headers, rows)) {
      out.println(line);
    }
  }

  /** Prints JSON, indented. */
  public void json(Object value) {
    try {
      out.println(JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Parses JSON text into a tree. */
  public static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new CliException("the response is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private String style(String code, String text) {
    return color ? "\u001b[" + code + "m" + text + RESET : text;
  }
}
