package dev.ossp.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Sends requests to a node's HTTP API with the JDK HTTP client and turns failures into messages
 * that say what to do: a node that is not running, a rejected API key, or the node's error body
 * with its violations. The API key is sent as a bearer token and never printed.
 *
 * <p>Thread-safe.
 */
public final class NodeClient {
  private final URI base;
  private final @Nullable String apiKey;
  private final Duration timeout;
  private final HttpClient client;

  /**
   * Creates a client.
   *
   * @param base the node URL without a trailing slash
   * @param apiKey the key for write requests, or null for read-only use
   * @param timeout how long one request may take
   */
  public NodeClient(URI base, @Nullable String apiKey, Duration timeout) {
    this.base = Objects.requireNonNull(base, "base");
    this.apiKey = apiKey;
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(
                timeout.compareTo(Duration.ofSeconds(5)) < 0 ? timeout : Duration.ofSeconds(5))
            .build();
  }

  /** The node's base URL. */
  public URI base() {
    return base;
  }

  /** Sends {@code GET path} and returns the JSON body. */
  public JsonNode getJson(String path) {
    return Output.parse(send(request(path).GET()).body());
  }

  /** Sends {@code GET path} and returns the body as text. */
  public String getText(String path) {
    return send(request(path).GET()).body();
  }

  /** Sends {@code POST path} with a JSON body and returns the JSON response. */
  public JsonNode postJson(String path, String json) {
    return Output.parse(
        send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)))
            .body());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(timeout)
            .header("Accept", "application/json");
    if (apiKey != null) {
      builder.header("Authorization", "Bearer " + apiKey);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder builder) {
    HttpRequest request = builder.build();
    String target = request.method() + " " + request.uri();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException e) {
      throw new CliException(
          "cannot connect to the node at "
              + base
              + " (connection refused). Start one with 'ossp-runtime serve', pass --node with the"
              + " URL that 'serve' printed, or use --local for the embedded registry.");
    } catch (HttpTimeoutException e) {
      throw new CliException(
          target
              + " timed out after "
              + timeout.toMillis()
              + " ms; raise --timeout or check the node");
    } catch (IOException e) {
      throw new CliException(target + " failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(target + " was interrupted");
    }
    if (response.statusCode() >= 200 && response.statusCode() < 300) {
      return response;
    }
    throw new CliException(errorMessage(target, response));
  }

  private String errorMessage(String target, HttpResponse<String> response) {
    StringBuilder message =
        new StringBuilder(target).append(" failed with HTTP ").append(response.statusCode());
    JsonNode error = null;
    try {
      error = Output.JSON.readTree(response.body()).path("error");
    } catch (IOException e) {
      // Not the node's error body; the status says enough.
    }
    if (error != null && error.hasNonNull("message")) {
      message.append(": ").append(error.get("message").asText());
      for (JsonNode violation : error.path("violations")) {
        message
            .append("\n  - ")
            .append(violation.path("field").asText())
            .append(": ")
            .append(violation.path("message").asText());
      }
    }
    if (response.statusCode() == 401) {
      message.append(
          apiKey == null
              ? "\nThis route needs the node's API key; pass --api-key KEY."
              : "\nThe node rejected the API key; pass the key of this node with --api-key, or"
                  + " --data-dir with its data directory.");
    }
    return message.toString();
  }
}
