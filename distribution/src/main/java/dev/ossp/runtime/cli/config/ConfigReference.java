package dev.ossp.runtime.cli.config;

import dev.ossp.runtime.component.RuntimeComponent;
import dev.ossp.runtime.config.ConfigKey;
import dev.ossp.runtime.config.ConfigType;
import dev.ossp.runtime.core.CoreConfigKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Writes the configuration reference, {@code conf/runtime.yaml}: every key that the runtime core
 * and the installed components declare, with its default value and its description as a one-line
 * comment. The build runs {@link #main} over the distribution's runtime classpath, so the file
 * lists exactly the settings of the shipped modules.
 *
 * <p>A key with a default is written as an active setting, so the file loads as it is and shows the
 * values in force. A key without a default is written commented out. Keys with {@code *} segments,
 * such as {@code mcp.servers.*.command}, are written as a commented example block with the name
 * {@code example} in place of each {@code *}.
 *
 * <p>This class is thread-safe.
 */
public final class ConfigReference {
  /** The name put in place of {@code *} segments in the commented examples. */
  public static final String EXAMPLE_NAME = "example";

  private static final String INDENT = "  ";
  private static final Pattern PLAIN_SCALAR = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./+-]*");
  private static final List<String> YAML_WORDS =
      List.of("true", "false", "yes", "no", "on", "off", "null", "y", "n", "~");

  private final List<Section> sections;

  private ConfigReference(List<Section> sections) {
    this.sections = List.copyOf(sections);
  }

  /** A group of keys declared by one owner: the runtime core or one component. */
  private record Section(String owner, List<ConfigKey<?>> keys) {}

  /**
   * Writes the reference to the file named by {@code args[0]}, creating its directory.
   *
   * @throws IOException if the file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ConfigReference OUTPUT_FILE");
    }
    Path output = Path.of(args[0]);
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    ConfigReference reference = installed(Thread.currentThread().getContextClassLoader());
    Files.writeString(output, reference.render(), StandardCharsets.UTF_8);
    System.out.println(
        "wrote " + reference.keyCount() + " settings of " + reference.owners() + " to " + output);
  }

  /**
   * Returns the reference for the core keys and the keys of every component that {@code loader}
   * finds with {@link ServiceLoader}, components sorted by name.
   */
  public static ConfigReference installed(ClassLoader loader) {
    Objects.requireNonNull(loader, "loader");

    List<RuntimeComponent> components = new ArrayList<>();
    ServiceLoader.load(RuntimeComponent.class, loader).forEach(components::add);
    components.sort((a, b) -> a.name().compareTo(b.name()));
    List<Section> sections = new ArrayList<>();
    sections.add(new Section("the runtime core", CoreConfigKeys.ALL));
    for (RuntimeComponent component : components) {
      sections.add(
          new Section("component '" + component.name() + "'", List.copyOf(component.configKeys())));
    }
    return new ConfigReference(sections);
  }

  /** Returns the names of every key in the reference, {@code *} segments included. */
  public List<String> keyNames() {
    List<String> names = new ArrayList<>();
    for (Section section : sections) {
      for (ConfigKey<?> key : section.keys()) {
        names.add(key.name());
      }
    }
    return names;
  }

  /** Returns the number of keys. */
  public int keyCount() {
    return keyNames().size();
  }

  /** Returns who declared the keys, such as {@code component 'discovery'}. */
  public List<String> owners() {
    List<String> owners = new ArrayList<>();
    for (Section section : sections) {
      owners.add(section.owner());
    }
    return owners;
  }

  /** Returns the YAML text of the reference. */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("# OSSP Runtime configuration: every setting with its default value.\n")
        .append("#\n")
        .append("# Generated at build time from the keys that the installed modules declare.\n")
        .append("# Change a value here, or override it without editing this file:\n")
        .append("#   environment  OSSP_NODE_PORT=8080 (upper case, '_' for '.' and '-')\n")
        .append("#   JVM option   JAVA_OPTS=\"-Dossp.node.port=8080\"\n")
        .append("# Durations take a unit (250ms, 5s, 2m, 1h); sizes take bytes or KiB/MiB/GiB.\n")
        .append("# Relative paths resolve against the working directory of the process.\n")
        .append("# Unknown keys and invalid values stop the runtime with exit status 2.\n");
    Node root = new Node();
    for (Section section : sections) {
      for (ConfigKey<?> key : section.keys()) {
        root.insert(key.segments(), key, section.owner());
      }
    }
    for (Map.Entry<String, Node> entry : root.children.entrySet()) {
      out.append('\n');
      out.append("# ").append(entry.getKey()).append(": ");
      out.append("declared by ").append(String.join(", ", entry.getValue().owners())).append('\n');
      entry.getValue().render(entry.getKey(), 0, out);
    }
    return out.toString();
  }

  /** A map level of the YAML tree; a leaf holds its key. */
  private static final class Node {
    private final Map<String, Node> children = new LinkedHashMap<>();
    private @Nullable ConfigKey<?> key;
    private String owner = "";

    void insert(List<String> segments, ConfigKey<?> leafKey, String leafOwner) {
      Node node = this;
      for (String segment : segments) {
        node = node.children.computeIfAbsent(segment, name -> new Node());
      }
      node.key = leafKey;
      node.owner = leafOwner;
    }

    List<String> owners() {
      List<String> owners = new ArrayList<>();
      collectOwners(owners);
      return owners;
    }

    private void collectOwners(List<String> owners) {
      if (key != null && !owners.contains(owner)) {
        owners.add(owner);
      }
      for (Node child : children.values()) {
        child.collectOwners(owners);
      }
    }

    /**
     * Returns whether the subtree at {@code name} holds a setting written uncommented: a key with a
     * default that is not below a {@code *} segment.
     */
    boolean active(String name) {
      if (name.equals("*")) {
        return false;
      }
      if (key != null) {
        return key.defaultValue().isPresent();
      }
      for (Map.Entry<String, Node> child : children.entrySet()) {
        if (child.getValue().active(child.getKey())) {
          return true;
        }
      }
      return false;
    }

    /** Appends this node; a subtree without active settings is written commented out. */
    void render(String name, int depth, StringBuilder out) {
      String indent = INDENT.repeat(depth);
      if (key != null) {
        renderLeaf(name, indent, active(name), out);
        return;
      }
      if (!active(name)) {
        out.append(indent)
            .append("# Example: copy these lines without the leading '# ' and replace '")
            .append(EXAMPLE_NAME)
            .append("' with a name of your own.\n");
        StringBuilder block = new StringBuilder();
        renderExample(name, 0, block);
        for (String line : block.toString().split("\n")) {
          out.append(indent).append("# ").append(line).append('\n');
        }
        return;
      }
      out.append(indent).append(name).append(":\n");
      for (Map.Entry<String, Node> child : children.entrySet()) {
        child.getValue().render(child.getKey(), depth + 1, out);
      }
    }

    /** Appends the subtree uncommented, with {@code example} for each {@code *}. */
    private void renderExample(String name, int depth, StringBuilder out) {
      String indent = INDENT.repeat(depth);
      String shown = name.equals("*") ? EXAMPLE_NAME : name;
      if (key != null) {
        out.append(indent).append("# ").append(describe(key)).append('\n');
        out.append(indent).append(shown).append(':');
        if (key.defaultValue().isPresent()) {
          out.append(' ').append(yamlValue(key, key.defaultValue().get()));
        } else {
          out.append("   # no default");
        }
        out.append('\n');
        return;
      }
      out.append(indent).append(shown).append(":\n");
      for (Map.Entry<String, Node> child : children.entrySet()) {
        child.getValue().renderExample(child.getKey(), depth + 1, out);
      }
    }

    private void renderLeaf(String name, String indent, boolean active, StringBuilder out) {
      ConfigKey<?> leaf = Objects.requireNonNull(key);
      out.append(indent).append("# ").append(describe(leaf)).append('\n');
      if (active) {
        out.append(indent)
            .append(name)
            .append(": ")
            .append(yamlValue(leaf, leaf.defaultValue().orElseThrow()))
            .append('\n');
      } else {
        out.append(indent).append("# ").append(name).append(":   # no default; unset\n");
      }
    }
  }

  private static String describe(ConfigKey<?> key) {
    String description = key.description().isBlank() ? "(no description)" : key.description();
    return description + " [" + key.type().name() + (key.secret() ? ", secret" : "") + "]";
  }

  /** Returns the default as YAML that the key's type reads back to the same value. */
  static String yamlValue(ConfigKey<?> key, Object value) {
    if (value instanceof List<?> list) {
      List<String> items = new ArrayList<>();
      for (Object item : list) {
        items.add(scalar(String.valueOf(item)));
      }
      return "[" + String.join(", ", items) + "]";
    }
    return scalar(format(key.type(), value));
  }

  @SuppressWarnings("unchecked")
  private static <T> String format(ConfigType<T> type, Object value) {
    return type.format((T) value);
  }

  private static String scalar(String text) {
    if (PLAIN_SCALAR.matcher(text).matches()
        && !YAML_WORDS.contains(text.toLowerCase(Locale.ROOT))) {
      return text;
    }
    if (text.equals("true") || text.equals("false")) {
      return text;
    }
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
