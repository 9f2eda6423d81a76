package dev.ossp.runtime.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Renders rows as text columns, each as wide as its widest cell, separated by two spaces. Cells
 * longer than {@link #MAX_CELL} characters are cut and end in "...", so one long value cannot push
 * every other column off the screen.
 */
final class Table {
  /** The maximum length of a cell printed whole, in characters. */
  static final int MAX_CELL = 60;

  private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*m");

  private Table() {}

  /** Returns the header line, a rule, and one line per row. */
  static List<String> render(List<String> headers, List<List<String>> rows) {
    int columns = headers.size();
    int[] widths = new int[columns];
    for (int i = 0; i < columns; i++) {
      widths[i] = headers.get(i).length();
    }
    List<List<String>> cells = new ArrayList<>();
    for (List<String> row : rows) {
      if (row.size() != columns) {
        throw new IllegalArgumentException(
            "row has " + row.size() + " cells, but the table has " + columns + " columns");
      }
      List<String> cut = new ArrayList<>();
      for (int i = 0; i < columns; i++) {
        String cell = shorten(row.get(i));
        cut.add(cell);
        widths[i] = Math.max(widths[i], visibleLength(cell));
      }
      cells.add(cut);
    }
    List<String> lines = new ArrayList<>();
    lines.add(line(headers, widths));
    List<String> rules = new ArrayList<>();
    for (int width : widths) {
      rules.add("-".repeat(width));
    }
    lines.add(line(rules, widths));
    for (List<String> row : cells) {
      lines.add(line(row, widths));
    }
    return lines;
  }

  private static String shorten(String cell) {
    String flat = cell.replace('\n', ' ').replace('\t', ' ');
    if (flat.length() <= MAX_CELL || flat.indexOf('\u001b') >= 0) {
      // Colored cells are short status words; cutting one could split its escape sequence.
      return flat;
    }
    return flat.substring(0, MAX_CELL - 3) + "...";
  }

  /** Returns the printed width of a cell: its length without ANSI color sequences. */
  static int visibleLength(String cell) {
    return ANSI.matcher(cell).replaceAll("").length();
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      line.append(cell);
      if (i < cells.size() - 1) {
        line.append(" ".repeat(widths[i] - visibleLength(cell) + 2));
      }
    }
    return line.toString().stripTrailing();
  }
}
