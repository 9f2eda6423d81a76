package dev.ossp.runtime.discovery.internal.query;

import dev.ossp.runtime.discovery.AgentQuery;
import dev.ossp.runtime.discovery.AgentRecord;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A query's evaluated page, as cached.
 *
 * @param query the query as run, with the page size the registry applied
 * @param page the agents on the page, in order
 * @param total the number of matches across all pages
 * @param offset the position of the first agent on the page among all matches
 * @param nextCursor the cursor after the page, or null on the last page
 * @param computedAt when the evaluation ran
 * @param earliestLeaseDeadline the first lease deadline among all matches, in epoch milliseconds;
 *     the evaluation is stale from then on
 */
public record Evaluation(
    AgentQuery query,
    List<AgentRecord> page,
    int total,
    int offset,
    @Nullable String nextCursor,
    Instant computedAt,
    long earliestLeaseDeadline) {}
