package dev.ossp.runtime.mcp.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossp.runtime.mcp.McpClient;
import dev.ossp.runtime.mcp.McpTool;
import dev.ossp.runtime.mcp.McpToolResult;
import dev.ossp.runtime.mcp.internal.TestServers;
import dev.ossp.runtime.mcp.internal.jsonrpc.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against the reference server-filesystem and server-memory over stdio. */
class FilesystemAndMemoryServerTest {
  private static final long WAIT_SECONDS = 10;

  private static ClientResources resources;
  private static DefaultMcpConnector connector;

  @TempDir Path directory;

  @BeforeAll
  static void createConnector() {
    resources = ClientResources.defaults();
    connector =
        new DefaultMcpConnector(
            resources,
            spec -> {
              throw new UnsupportedOperationException("no HTTP in this test");
            });
  }

  @AfterAll
  static void closeConnector() {
    resources.close();
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  @Test
  void filesystemReadsWritesAndDenies() throws Exception {
    // given
    Path root = directory.toRealPath();
    Files.writeString(root.resolve("hello.txt"), "hello from fsroot\nline2\n");
    try (McpClient client = await(connector.connect(TestServers.filesystem("fs", root).build()))) {
      // when
      List<McpTool> tools = await(client.listTools());
      McpToolResult read =
          await(client.callTool("read_text_file", pathArgument(root.resolve("hello.txt"))));
      McpToolResult written =
          await(
              client.callTool(
                  "write_file",
                  "{\"path\":"
                      + Json.MAPPER.writeValueAsString(root.resolve("new.txt").toString())
                      + ",\"content\":\"written\"}"));
      McpToolResult denied = await(client.callTool("read_text_file", "{\"path\":\"/etc/passwd\"}"));
      McpToolResult badArguments = await(client.callTool("read_text_file", "{\"path\":42}"));

      // then
      assertThat(tools).hasSize(14);
      assertThat(tools).allSatisfy(tool -> assertThat(tool.outputSchema()).isPresent());
      assertThat(client.serverInfo().name()).isEqualTo("secure-filesystem-server");
      assertThat(read.text()).isEqualTo("hello from fsroot\nline2\n");
      assertThat(read.structuredContent()).isPresent();
      assertThat(written.isError()).isFalse();
      assertThat(Files.readString(root.resolve("new.txt"))).isEqualTo("written");
      assertThat(denied.isError()).isTrue();
      assertThat(denied.text()).contains("Access denied");
      assertThat(badArguments.isError()).isTrue();
      assertThat(badArguments.text()).contains("-32602");
    }
  }

  @Test
  void filesystemHundredConcurrentReads() throws Exception {
    // given
    Path root = directory.toRealPath();
    for (int i = 0; i < 100; i++) {
      Files.writeString(root.resolve("f" + i + ".txt"), "content " + i);
    }
    try (McpClient client =
        await(connector.connect(TestServers.filesystem("fs-load", root).build()))) {
      List<CompletableFuture<McpToolResult>> calls = new ArrayList<>();

      // when
      for (int i = 0; i < 100; i++) {
        calls.add(client.callTool("read_text_file", pathArgument(root.resolve("f" + i + ".txt"))));
      }

      // then
      for (int i = 0; i < 100; i++) {
        assertThat(await(calls.get(i)).text()).isEqualTo("content " + i);
      }
    }
  }

  @Test
  void memoryKeepsItsGraphInTheDataFile() throws Exception {
    // given
    Path dataFile = directory.resolve("memory.jsonl");
    try (McpClient client =
        await(connector.connect(TestServers.memory("memory", dataFile).build()))) {
      // when
      McpToolResult created =
          await(
              client.callTool(
                  "create_entities",
                  "{\"entities\":[{\"name\":\"probe\",\"entityType\":\"test\","
                      + "\"observations\":[\"seen in a test\"]}]}"));
      McpToolResult found = await(client.callTool("search_nodes", "{\"query\":\"probe\"}"));
      List<McpTool> tools = await(client.listTools());

      // then
      assertThat(tools).hasSize(9);
      assertThat(created.isError()).isFalse();
      var structured = Json.parse(found.structuredContent().orElseThrow(), "structured");
      assertThat(structured.path("entities").get(0).path("name").asText()).isEqualTo("probe");
      assertThat(Files.readString(dataFile)).contains("probe").contains("seen in a test");
    }
  }

  private static String pathArgument(Path path) throws Exception {
    return "{\"path\":" + Json.MAPPER.writeValueAsString(path.toString()) + "}";
  }
}
