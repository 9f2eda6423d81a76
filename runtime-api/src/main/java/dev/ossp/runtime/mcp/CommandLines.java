package dev.ossp.runtime.mcp;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words with a documented subset of POSIX shell quoting, and rejects
 * what only a shell could interpret. The rules:
 *
 * <ul>
 *   <li>Unquoted spaces, tabs and newlines separate words.
 *   <li>Single quotes keep everything up to the next single quote literally.
 *   <li>Double quotes keep their content, except that a backslash escapes {@code "}, {@code \},
 *       {@code $} and {@code `}.
 *   <li>An unquoted backslash keeps the next character literally.
 *   <li>Unquoted {@code | & ; < > ( ) $ ` * ? [ ] { } ~ #} are rejected, because a shell would give
 *       them a meaning (pipes, redirections, expansions, globs, comments) that a direct process
 *       start cannot have. Quote them to pass them on literally.
 * </ul>
 */
final class CommandLines {
  private static final String SHELL_CHARACTERS = "|&;<>()$`*?[]{}~#";

  private CommandLines() {}

  /**
   * Splits {@code line} into words.
   *
   * @throws IllegalArgumentException on an unclosed quote, a trailing backslash, a character only a
   *     shell could interpret, or a line without words
   */
  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (end < 0) {
          throw invalid(line, "the single quote at index " + i + " is not closed");
        }
        word.append(line, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        i = readDoubleQuoted(line, i, word);
        inWord = true;
      } else if (c == '\\') {
        if (i + 1 >= line.length()) {
          throw invalid(line, "it ends with a backslash");
        }
        word.append(line.charAt(i + 1));
        inWord = true;
        i += 2;
      } else if (SHELL_CHARACTERS.indexOf(c) >= 0) {
        throw invalid(
            line,
            "'"
                + c
                + "' at index "
                + i
                + " needs a shell; quote it to pass it literally, or give the command and"
                + " arguments as a list");
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    if (words.isEmpty()) {
      throw invalid(line, "it contains no command");
    }
    return List.copyOf(words);
  }

  private static int readDoubleQuoted(String line, int start, StringBuilder word) {
    int i = start + 1;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
        word.append(line.charAt(i + 1));
        i += 2;
      } else {
        word.append(c);
        i++;
      }
    }
    throw invalid(line, "the double quote at index " + start + " is not closed");
  }

  private static IllegalArgumentException invalid(String line, String reason) {
    return new IllegalArgumentException("invalid command line '" + line + "': " + reason);
  }
}
