package dev.ossp.runtime.discovery;

import dev.ossp.runtime.urn.AgentUrn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of a discovery query's results.
 *
 * <p>A result served from the cache has {@link #cached()} true, {@link #executedAt()} and {@link
 * #executionTime()} of this lookup, and {@link #computedAt()} of the evaluation it reuses. Results
 * are immutable and never share mutable state with the registry.
 *
 * @param query the query as run, with the page size the registry applied
 * @param agents the agents on this page, in sort order
 * @param health the health of the agents on this page, only when the query asked for it
 * @param total the number of agents matching the filters, across all pages
 * @param offset the position of the first agent on this page among all matches
 * @param nextCursor the cursor for the next page, or null on the last page
 * @param executedAt when this lookup ran
 * @param executionTime how long this lookup took
 * @param computedAt when the matches were evaluated; equal to {@code executedAt} unless cached
 * @param cached whether the result came from the query cache
 */
public record QueryResult(
    AgentQuery query,
    List<AgentRecord> agents,
    Map<AgentUrn, AgentHealth> health,
    int total,
    int offset,
    @Nullable String nextCursor,
    Instant executedAt,
    Duration executionTime,
    Instant computedAt,
    boolean cached) {

  /** Copies the lists and checks the counts. */
  public QueryResult {
    Objects.requireNonNull(query, "query");
    agents = List.copyOf(Objects.requireNonNull(agents, "agents"));
    health = Map.copyOf(Objects.requireNonNull(health, "health"));
    Objects.requireNonNull(executedAt, "executedAt");
    Objects.requireNonNull(executionTime, "executionTime");
    Objects.requireNonNull(computedAt, "computedAt");
    if (total < agents.size() || offset < 0) {
      throw new IllegalArgumentException(
          "total " + total + " and offset " + offset + " do not fit " + agents.size() + " agents");
    }
  }

  /** Returns the number of agents on this page. */
  public int returned() {
    return agents.size();
  }

  /** Returns the cursor for the next page, empty on the last page. */
  public Optional<String> next() {
    return Optional.ofNullable(nextCursor);
  }

  /** Returns the health of {@code urn}, when the query asked for health. */
  public Optional<AgentHealth> healthOf(AgentUrn urn) {
    Objects.requireNonNull(urn, "urn");

    return Optional.ofNullable(health.get(urn));
  }
}
