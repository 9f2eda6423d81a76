package dev.ossp.runtime.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A node started with {@code serve --port 0 --json}, and plain HTTP requests to it. */
final class Node implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final RunningProcess process;
  private final JsonNode details;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Node(RunningProcess process, JsonNode details) {
    this.process = process;
    this.details = details;
  }

  /** Starts {@code serve} with extra arguments and waits for its JSON line. */
  static Node serve(Installation installation, String... extraArgs)
      throws IOException, InterruptedException {
    String[] args = new String[extraArgs.length + 4];
    args[0] = "serve";
    args[1] = "--port";
    args[2] = "0";
    args[3] = "--json";
    System.arraycopy(extraArgs, 0, args, 4, extraArgs.length);
    RunningProcess process = installation.start(args);
    try {
      String line = process.awaitLine("\"url\"", START_TIMEOUT);
      return new Node(process, JSON.readTree(line));
    } catch (RuntimeException | Error e) {
      process.close();
      throw e;
    }
  }

  RunningProcess process() {
    return process;
  }

  /** What serve printed: url, apiKeyFile, components, plugins, strategies, pid. */
  JsonNode details() {
    return details;
  }

  String url() {
    return details.path("url").asText();
  }

  /** Sends {@code GET path} and returns the response. */
  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create(url() + path))
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Sends {@code GET path}, checks for 200 and returns the JSON body. */
  JsonNode getJson(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = get(path);
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "GET " + path + " returned " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** Stops the node with SIGTERM and returns what it printed. */
  CommandResult stop() throws IOException, InterruptedException {
    process.signal("TERM");
    return process.awaitExit(Duration.ofSeconds(60));
  }

  @Override
  public void close() {
    process.close();
  }
}
