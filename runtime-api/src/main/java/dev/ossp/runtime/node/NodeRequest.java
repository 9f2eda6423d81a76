package dev.ossp.runtime.node;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A request to a node route, with the body already read (within the node's size limit). */
public interface NodeRequest {
  /** The HTTP method in upper case. */
  String method();

  /** The decoded request path, such as {@code /v1/agents/urn:agent:ai:x}. */
  String path();

  /** Returns the path parameter {@code name} of the route template, percent-decoded once. */
  String pathParameter(String name);

  /** Returns the first value of query parameter {@code name}. */
  Optional<String> queryParameter(String name);

  /** Returns every query parameter, in request order. */
  Map<String, List<String>> queryParameters();

  /** Returns the first value of header {@code name}, case-insensitive. */
  Optional<String> header(String name);

  /** The request body; empty when there is none. */
  byte[] body();

  /** The request body decoded as UTF-8. */
  default String bodyAsString() {
    return new String(body(), StandardCharsets.UTF_8);
  }

  /** The id of this request, also sent as {@code X-Request-Id} and used in error bodies. */
  String requestId();

  /** The client's address. */
  InetSocketAddress remoteAddress();
}
