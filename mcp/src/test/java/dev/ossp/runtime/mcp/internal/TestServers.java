package dev.ossp.runtime.mcp.internal;

import dev.ossp.runtime.mcp.McpServerSpec;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Specs for the real MCP servers the build installs under {@code src/test/node} and for the
 * misbehaving test server. Fails, never skips, when Node.js or the installed packages are missing.
 */
public final class TestServers {
  private static final String NODE_DIR_PROPERTY = "ossp.mcp.test.node-dir";

  private TestServers() {}

  /** The folder with package.json and node_modules of the test servers. */
  public static Path nodeDirectory() {
    String configured = System.getProperty(NODE_DIR_PROPERTY);
    Path directory =
        configured != null ? Path.of(configured) : Path.of("src", "test", "node").toAbsolutePath();
    Path marker = directory.resolve("node_modules/@modelcontextprotocol/server-everything");
    if (!Files.isDirectory(marker)) {
      throw new AssertionError(
          "the MCP test servers are not installed in "
              + directory
              + "; run the build without -DskipTests (it runs npm ci there) or run `node"
              + " install.mjs` in that folder");
    }
    return directory;
  }

  /** The absolute path of {@code node}, from the PATH. */
  public static String node() {
    String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
    for (String directory : path.split(File.pathSeparator)) {
      Path candidate = Path.of(directory.isEmpty() ? "." : directory, "node");
      if (Files.isExecutable(candidate)) {
        return candidate.toAbsolutePath().toString();
      }
    }
    throw new AssertionError(
        "node was not found on the PATH; the MCP tests need Node.js 20 or later");
  }

  /** The entry script of an installed package, such as {@code server-everything}. */
  public static String packageScript(String packageName) {
    return nodeDirectory()
        .resolve("node_modules/@modelcontextprotocol/" + packageName + "/dist/index.js")
        .toString();
  }

  /** server-everything over stdio. */
  public static McpServerSpec.Builder everything(String id) {
    return McpServerSpec.stdio(id, node(), packageScript("server-everything"), "stdio");
  }

  /** server-filesystem over stdio, allowed to work in {@code root}. */
  public static McpServerSpec.Builder filesystem(String id, Path root) {
    return McpServerSpec.stdio(id, node(), packageScript("server-filesystem"), root.toString());
  }

  /** server-memory over stdio with its data in {@code dataFile}. */
  public static McpServerSpec.Builder memory(String id, Path dataFile) {
    return McpServerSpec.stdio(id, node(), packageScript("server-memory"))
        .env("MEMORY_FILE_PATH", dataFile.toString());
  }

  /** The misbehaving test server in {@code mode}; see misbehaving-server.mjs. */
  public static McpServerSpec.Builder misbehaving(String id, String mode) {
    return McpServerSpec.stdio(id, node(), misbehavingScript().toString(), mode)
        .closeGracePeriod(Duration.ofMillis(500));
  }

  /** The path of misbehaving-server.mjs. */
  public static Path misbehavingScript() {
    try {
      return Path.of(
          Objects.requireNonNull(TestServers.class.getResource("/servers/misbehaving-server.mjs"))
              .toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
