package dev.ossp.runtime.a2a;

import dev.ossp.runtime.urn.AgentUrn;
import java.net.URI;
import java.util.List;

/**
 * Calls agents over HTTP through one shared connection pool, with timeouts, an overall deadline,
 * auth, a circuit breaker and a retry policy per target.
 *
 * <h2>Addressing</h2>
 *
 * <p>{@link #request(AgentUrn, String, CallOptions)} resolves the URN through the discovery
 * directory, appends the route to the agent's endpoint URL and, when an endpoint cannot be
 * connected to, falls back to the agent's next endpoint. {@link #request(URI, CallOptions)} calls a
 * URL as given.
 *
 * <h2>Retries</h2>
 *
 * <p>An idempotent call (GET, HEAD, PUT, DELETE, OPTIONS, or one marked idempotent) is retried on
 * network errors, timeouts and the statuses 429, 502, 503 and 504. Any other call is retried only
 * when it provably never reached the server (the connection could not be made) or when the server
 * answered 429 or 503 with {@code Retry-After}. A call that may have reached the server is never
 * re-sent by default: its error has the detail {@value #DETAIL_OUTCOME}={@value #OUTCOME_UNKNOWN}.
 * Every failure is thrown once, with the true attempt count in its context.
 *
 * <h2>Errors</h2>
 *
 * <p>Every method throws {@link dev.ossp.runtime.error.OsspException}: {@link AgentHttpException}
 * for a non-2xx status, kind {@code NETWORK} or {@code TIMEOUT} for transport failures, {@code
 * CIRCUIT_OPEN} when the target's breaker rejects the call, {@code VALIDATION} for an invalid route
 * or an address the outbound rules reject, {@code NOT_FOUND} for an unknown URN, and {@code
 * CANCELLED} when the calling thread is interrupted (its interrupt flag stays set).
 *
 * <p>Implementations are thread-safe.
 */
public interface AgentHttpClient {
  /** The error detail that says whether a failed call may have been carried out. */
  String DETAIL_OUTCOME = "outcome";

  /** {@value #DETAIL_OUTCOME} of a call that may have reached the server. */
  String OUTCOME_UNKNOWN = "unknown";

  /** {@value #DETAIL_OUTCOME} of a call that provably never reached the server. */
  String OUTCOME_NOT_SENT = "not-sent";

  /**
   * Calls {@code route} on the agent {@code urn}.
   *
   * @param urn the agent; without a version, its latest release
   * @param route the path and query after the endpoint URL, such as {@code /v1/status?x=1}
   * @param options the call options
   * @return the 2xx response
   */
  AgentResponse request(AgentUrn urn, String route, CallOptions options);

  /**
   * Calls the absolute {@code http} or {@code https} URL {@code url}. The breaker and retry policy
   * are those of the URL's origin ({@code scheme://host:port}).
   */
  AgentResponse request(URI url, CallOptions options);

  /**
   * Runs the requests concurrently, at most {@code a2a.batch.parallelism} at a time, and returns
   * one settled outcome per request, in the order given. Never throws for a failed request; an
   * interrupt of the calling thread settles the requests not yet finished as {@code CANCELLED}.
   */
  List<AgentOutcome> requestAll(List<AgentRequest> requests);

  /**
   * Like {@link #requestAll(List)} with at most {@code parallelism} requests at a time (1..256).
   */
  List<AgentOutcome> requestAll(List<AgentRequest> requests, int parallelism);
}
