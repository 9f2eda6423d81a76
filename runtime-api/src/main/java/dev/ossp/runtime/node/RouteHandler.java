package dev.ossp.runtime.node;

/**
 * Answers requests for one route. Handlers run on the node's request threads, concurrently.
 *
 * <p>A handler that throws {@link dev.ossp.runtime.error.OsspException} gets the JSON error
 * response for its kind (400 validation, 404 not-found, 409 conflict and so on); any other
 * exception is logged and answered with 500.
 */
@FunctionalInterface
public interface RouteHandler {
  /** Returns the response to {@code request}. */
  NodeResponse handle(NodeRequest request) throws Exception;
}
