package dev.ossp.runtime.mcp;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A prompt template a server offers, from {@code prompts/list}.
 *
 * @param name the prompt's name, used in {@code prompts/get}
 * @param title a display title, or null
 * @param description a description, or null
 * @param arguments the arguments the prompt accepts
 */
public record McpPrompt(
    String name, @Nullable String title, @Nullable String description, List<Argument> arguments) {
  /** Checks the name is present and copies the arguments. */
  public McpPrompt {
    Objects.requireNonNull(name, "name");
    arguments = List.copyOf(Objects.requireNonNull(arguments, "arguments"));
  }

  /**
   * One argument of a prompt.
   *
   * @param name the argument's name
   * @param description a description, or null
   * @param required whether {@code prompts/get} needs it
   */
  public record Argument(String name, @Nullable String description, boolean required) {
    /** Checks the name is present. */
    public Argument {
      Objects.requireNonNull(name, "name");
    }
  }
}
