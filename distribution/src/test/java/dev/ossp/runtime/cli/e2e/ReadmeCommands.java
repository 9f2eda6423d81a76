package dev.ossp.runtime.cli.e2e;

import java.util.ArrayList;
import java.util.List;

/** Reads the commands of the README's code blocks. */
final class ReadmeCommands {
  private ReadmeCommands() {}

  /** Returns the first line of every {@code ```sh} block, in order. */
  static List<String> all(String readme) {
    List<String> commands = new ArrayList<>();
    boolean inBlock = false;
    boolean first = false;
    for (String line : readme.lines().toList()) {
      if (!inBlock && line.strip().equals("```sh")) {
        inBlock = true;
        first = true;
      } else if (inBlock && line.strip().equals("```")) {
        inBlock = false;
      } else if (inBlock && first) {
        commands.add(line.strip());
        first = false;
      }
    }
    return commands;
  }

  /** Returns the README's first command. */
  static String first(String readme) {
    List<String> commands = all(readme);
    if (commands.isEmpty()) {
      throw new AssertionError("the README has no ```sh block");
    }
    return commands.get(0);
  }
}
