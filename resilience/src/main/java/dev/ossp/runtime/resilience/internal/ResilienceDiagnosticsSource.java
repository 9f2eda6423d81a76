package dev.ossp.runtime.resilience.internal;

import dev.ossp.runtime.component.ComponentHealth;
import dev.ossp.runtime.metrics.DiagnosticsSource;
import dev.ossp.runtime.resilience.CircuitBreaker;
import dev.ossp.runtime.resilience.CircuitBreakerRegistry;
import dev.ossp.runtime.resilience.RetryBudget;
import dev.ossp.runtime.resilience.RetryBudgetMetrics;
import dev.ossp.runtime.resilience.RetryMetrics;
import dev.ossp.runtime.resilience.RetryPolicy;
import dev.ossp.runtime.resilience.RetryRegistry;
import dev.ossp.runtime.resilience.internal.config.ResilienceSettings;
import dev.ossp.runtime.resilience.internal.retry.DefaultRetryRegistry;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The {@code resilience} component's entry in the diagnostics report. Its health is the component's
 * own. Its stats are empty before start and after stop. While the component runs they contain:
 *
 * <ul>
 *   <li>{@code circuitBreakers}: the breakers created so far, counted by state ({@code closed},
 *       {@code open}, {@code halfOpen}, {@code forcedOpen}, {@code disabled}, {@code metricsOnly}),
 *       and {@code openNames}, the sorted names of those in OPEN or FORCED_OPEN;
 *   <li>{@code retryPolicies}: the policies created so far and the sums of their {@code retries},
 *       {@code failedAfterRetry}, {@code budgetRejections} and {@code deadlineStops};
 *   <li>{@code retryBudgets}: the budgets created so far, the {@code exhausted} ones that would
 *       grant no retry now with their {@code exhaustedNames}, and their total {@code rejections};
 *   <li>{@code defaultBackoff}, the backoff strategy of policies without their own, {@code
 *       overrides}, the number of configured {@code circuitBreakers}, {@code retries} and {@code
 *       retryBudgets} entries besides {@code default}, and {@code tuningEnabled}.
 * </ul>
 *
 * <p>Name lists hold at most {@value #MAX_LISTED_NAMES} names, the first in sorted order, so the
 * report stays small when many targets fail. Every value is read from states and counters the
 * registries keep anyway, so serving a report adds nothing to the call paths. Reading a budget
 * takes the short lock its retries take.
 *
 * <p>This class is thread-safe.
 */
final class ResilienceDiagnosticsSource implements DiagnosticsSource {
  /** The maximum number of names in each name list of the stats. */
  static final int MAX_LISTED_NAMES = 20;

  private final ResilienceStatus status;

  @Inject
  ResilienceDiagnosticsSource(ResilienceStatus status) {
    this.status = Objects.requireNonNull(status, "status");
  }

  @Override
  public String name() {
    return ResilienceComponent.NAME;
  }

  @Override
  public ComponentHealth health() {
    return status.health();
  }

  @Override
  public Map<String, Object> stats() {
    ResilienceStatus.Running running = status.running();
    if (running == null) {
      return Map.of();
    }
    ResilienceSettings settings = running.settings();
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("circuitBreakers", breakerStats(running.breakers()));
    stats.put("retryPolicies", policyStats(running.retries()));
    if (running.retries() instanceof DefaultRetryRegistry registry) {
      stats.put("retryBudgets", budgetStats(registry));
    }
    stats.put("defaultBackoff", settings.retryDefaults().backoff());
    Map<String, Object> overrides = new LinkedHashMap<>();
    overrides.put("circuitBreakers", settings.breakerOverrides().size());
    overrides.put("retries", settings.retryOverrides().size());
    overrides.put("retryBudgets", settings.budgetOverrides().size());
    stats.put("overrides", overrides);
    stats.put("tuningEnabled", settings.tuning().enabled());
    return stats;
  }

  private static Map<String, Object> breakerStats(CircuitBreakerRegistry registry) {
    EnumMap<CircuitBreaker.State, Long> counts = new EnumMap<>(CircuitBreaker.State.class);
    for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
      counts.put(state, 0L);
    }
    NameList open = new NameList();
    long created = 0;
    for (CircuitBreaker breaker : registry.all()) {
      CircuitBreaker.State state = breaker.state();
      created++;
      counts.merge(state, 1L, Long::sum);
      if (!state.admitsCalls()) {
        open.add(breaker.name());
      }
    }

    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("created", created);
    counts.forEach((state, count) -> stats.put(camelCase(state), count));
    stats.put("openNames", open.names());
    return stats;
  }

  private static Map<String, Object> policyStats(RetryRegistry registry) {
    long created = 0;
    long retries = 0;
    long failedAfterRetry = 0;
    long budgetRejections = 0;
    long deadlineStops = 0;
    for (RetryPolicy policy : registry.all()) {
      RetryMetrics metrics = policy.metrics();
      created++;
      retries += metrics.retries();
      failedAfterRetry += metrics.failedAfterRetry();
      budgetRejections += metrics.budgetRejections();
      deadlineStops += metrics.deadlineStops();
    }

    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("created", created);
    stats.put("retries", retries);
    stats.put("failedAfterRetry", failedAfterRetry);
    stats.put("budgetRejections", budgetRejections);
    stats.put("deadlineStops", deadlineStops);
    return stats;
  }

  private static Map<String, Object> budgetStats(DefaultRetryRegistry registry) {
    NameList exhausted = new NameList();
    long created = 0;
    long exhaustedCount = 0;
    long rejections = 0;
    for (RetryBudget budget : registry.budgets()) {
      RetryBudgetMetrics metrics = budget.metrics();
      created++;
      rejections += metrics.totalRejections();
      if (metrics.availableRetries() == 0) {
        exhaustedCount++;
        exhausted.add(budget.name());
      }
    }

    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("created", created);
    stats.put("exhausted", exhaustedCount);
    stats.put("exhaustedNames", exhausted.names());
    stats.put("rejections", rejections);
    return stats;
  }

  /** Returns {@code HALF_OPEN} as {@code halfOpen}, the form of the other stats keys. */
  private static String camelCase(CircuitBreaker.State state) {
    String[] words = state.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder key = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      key.append(Character.toUpperCase(words[i].charAt(0))).append(words[i], 1, words[i].length());
    }
    return key.toString();
  }

  /** The first {@link #MAX_LISTED_NAMES} names in sorted order, keeping no more than that. */
  private static final class NameList {
    private final TreeSet<String> names = new TreeSet<>();

    void add(String name) {
      names.add(name);
      if (names.size() > MAX_LISTED_NAMES) {
        names.pollLast();
      }
    }

    List<String> names() {
      return List.copyOf(names);
    }
  }
}
