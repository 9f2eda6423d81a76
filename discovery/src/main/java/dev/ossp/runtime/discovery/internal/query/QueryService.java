package dev.ossp.runtime.discovery.internal.query;

import dev.ossp.runtime.cache.CacheStats;
import dev.ossp.runtime.cache.RuntimeCache;
import dev.ossp.runtime.discovery.AgentHealth;
import dev.ossp.runtime.discovery.AgentQuery;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.QueryResult;
import dev.ossp.runtime.discovery.internal.registry.AgentIndex;
import dev.ossp.runtime.discovery.internal.registry.RegistrySettings;
import dev.ossp.runtime.error.ValidationException;
import dev.ossp.runtime.error.Violation;
import dev.ossp.runtime.metrics.Metrics;
import dev.ossp.runtime.metrics.Tags;
import dev.ossp.runtime.urn.AgentUrn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * Runs queries: checks them against the registry's limits, serves them from the result cache or
 * evaluates them, and attaches health on request.
 *
 * <p>Cache consistency: the registry calls {@link #invalidate} after each change is visible in the
 * index, which bumps a change counter and drops every cached result whose filters match the record
 * before or after the change. An evaluation that overlapped a change (the counter moved while it
 * ran) is dropped from the cache right after it is stored, because it may have missed the change. A
 * cached result whose earliest lease deadline has passed is evaluated again. Together these keep
 * any cached result from outliving a change this process made visible. Queries with a health filter
 * are never cached, because health changes without registry changes.
 *
 * <p>This class is thread-safe.
 */
public final class QueryService {
  private final AgentIndex index;
  private final RegistrySettings settings;
  private final @Nullable RuntimeCache<AgentQuery, Evaluation> cache;
  private final QueryEngine engine;
  private final HealthTracker health;
  private final Clock clock;
  private final AtomicLong changes = new AtomicLong();
  private final LongAdder queries = new LongAdder();
  private final Metrics.Counter succeeded;
  private final Metrics.Counter failed;
  private final Metrics.Counter bypasses;
  private final Metrics.Timer latency;

  /**
   * Creates the service.
   *
   * @param cache the result cache, or null when caching is off
   */
  public QueryService(
      AgentIndex index,
      RegistrySettings settings,
      @Nullable RuntimeCache<AgentQuery, Evaluation> cache,
      HealthTracker health,
      Clock clock,
      Metrics metrics) {
    this.index = index;
    this.settings = settings;
    this.cache = cache;
    this.engine = new QueryEngine(index);
    this.health = health;
    this.clock = clock;
    // Tagged by outcome as the metric catalogue defines; cache hits and misses are the
    // ossp.discovery.cache.* gauges below, read from the cache's own statistics.
    this.succeeded = metrics.counter("ossp.discovery.queries", Tags.of("outcome", "success"));
    this.failed = metrics.counter("ossp.discovery.queries", Tags.of("outcome", "failure"));
    this.bypasses = metrics.counter("ossp.discovery.cache.bypasses", Tags.empty());
    this.latency = metrics.timer("ossp.discovery.query.latency", Tags.empty());
    if (cache != null) {
      metrics.gauge("ossp.discovery.cache.hits", Tags.empty(), () -> cache.stats().hits());
      metrics.gauge("ossp.discovery.cache.misses", Tags.empty(), () -> cache.stats().misses());
      metrics.gauge(
          "ossp.discovery.cache.evictions", Tags.empty(), () -> cache.stats().evictions());
      metrics.gauge("ossp.discovery.cache.size", Tags.empty(), cache::estimatedSize);
    }
  }

  /**
   * Runs {@code query}.
   *
   * @throws ValidationException when the limit exceeds the maximum or the cursor is invalid
   */
  public QueryResult query(AgentQuery query) {
    try {
      QueryResult result = evaluate(query);
      succeeded.increment();
      return result;
    } catch (RuntimeException e) {
      failed.increment();
      throw e;
    }
  }

  private QueryResult evaluate(AgentQuery query) {
    long started = System.nanoTime();
    Instant executedAt = clock.instant();
    int limit = limitOf(query);
    Cursor cursor = query.cursor().map(text -> Cursor.decode(query, text)).orElse(null);
    queries.increment();

    Evaluation evaluation;
    boolean cached;
    if (cache == null || query.health().isPresent()) {
      evaluation = engine.evaluate(query, limit, cursor, executedAt, health::status);
      cached = false;
      bypasses.increment();
    } else {
      Evaluation[] fresh = new Evaluation[1];
      long before = changes.get();
      evaluation =
          cache.get(
              query,
              key ->
                  fresh[0] = engine.evaluate(key, limit, cursor, clock.instant(), health::status));

      // A cached result that lists an agent whose lease has since expired is computed again.
      if (fresh[0] == null && evaluation.earliestLeaseDeadline() <= clock.millis()) {
        cache.invalidate(query);
        before = changes.get();
        evaluation =
            cache.get(
                query,
                key ->
                    fresh[0] =
                        engine.evaluate(key, limit, cursor, clock.instant(), health::status));
      }

      // A registry change during the computation may not be in the result, so it is not kept.
      if (fresh[0] != null && changes.get() != before) {
        cache.invalidate(query);
      }
      cached = fresh[0] == null;
    }

    Map<AgentUrn, AgentHealth> pageHealth =
        query.includeHealth() ? health.healthOf(evaluation.page()) : Map.of();
    long elapsed = System.nanoTime() - started;
    latency.recordNanos(elapsed);
    return new QueryResult(
        evaluation.query(),
        evaluation.page(),
        pageHealth,
        evaluation.total(),
        evaluation.offset(),
        evaluation.nextCursor(),
        executedAt,
        Duration.ofNanos(elapsed),
        evaluation.computedAt(),
        cached);
  }

  private int limitOf(AgentQuery query) {
    if (query.limit().isEmpty()) {
      return settings.defaultLimit();
    }
    int limit = query.limit().getAsInt();
    if (limit > settings.maxResults()) {
      String message = "limit must be in 1.." + settings.maxResults() + ", was " + limit;
      throw new ValidationException("invalid query: " + message, new Violation("limit", message));
    }
    return limit;
  }

  /**
   * Drops every cached result a change from {@code before} to {@code after} can affect. Call after
   * the change is visible in the index.
   */
  public void invalidate(@Nullable AgentRecord before, @Nullable AgentRecord after) {
    changes.incrementAndGet();
    if (cache == null) {
      return;
    }
    cache.invalidateIf(
        query ->
            (before != null && QueryEngine.matchesFilters(query, before))
                || (after != null && QueryEngine.matchesFilters(query, after)));
  }

  /** Drops every cached result. */
  public void clear() {
    changes.incrementAndGet();
    if (cache != null) {
      cache.invalidateAll();
    }
  }

  /** The cache counters; all zero when caching is off. */
  public CacheStats cacheStats() {
    return cache == null ? CacheStats.empty() : cache.stats();
  }

  /** The approximate number of cached results. */
  public long cacheSize() {
    return cache == null ? 0 : cache.estimatedSize();
  }

  /** The number of queries run. */
  public long queries() {
    return queries.sum();
  }

  /** The health tracker. */
  public HealthTracker health() {
    return health;
  }

  /** The index queries read. */
  AgentIndex index() {
    return index;
  }
}
