package dev.ossp.runtime.resilience.internal.tuning;

import dev.ossp.runtime.resilience.AdaptiveTuningConfig;
import dev.ossp.runtime.resilience.CircuitBreaker;
import dev.ossp.runtime.resilience.CircuitBreakerConfig;
import dev.ossp.runtime.resilience.CircuitBreakerMetrics;
import dev.ossp.runtime.resilience.CircuitBreakerRegistry;
import dev.ossp.runtime.resilience.RetryConfig;
import dev.ossp.runtime.resilience.RetryMetrics;
import dev.ossp.runtime.resilience.RetryPolicy;
import dev.ossp.runtime.resilience.RetryRegistry;
import dev.ossp.runtime.resilience.internal.TaskScheduler;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adjusts breakers and retry policies on a schedule from the failure rate observed since its
 * previous run, within the bounds of an {@link AdaptiveTuningConfig} (the rules are described
 * there). A target is a breaker and the retry policy of the same name; either may be missing. The
 * failure rate comes from the breaker's totals when there is a breaker, otherwise from the policy's
 * attempts.
 *
 * <p>The tuner remembers each target's values on its first run over that target, and relaxes back
 * toward those. It never moves a value outside its bounds; a configured value already outside them
 * is brought inside at the first change. Runs are driven by the injected {@link TaskScheduler}, so
 * a test decides exactly when each run happens.
 *
 * <p>This class is thread-safe.
 */
public final class AdaptiveTuner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AdaptiveTuner.class);

  private final CircuitBreakerRegistry breakers;
  private final RetryRegistry retries;
  private final AdaptiveTuningConfig config;
  private final TaskScheduler scheduler;
  private final ReentrantLock lock = new ReentrantLock();
  // Guarded by lock.
  private final Map<String, Observation> lastObservations = new HashMap<>();
  private final Map<String, Baseline> baselines = new HashMap<>();
  private TaskScheduler.@Nullable ScheduledTask next;
  private boolean closed;

  /** The totals of a target at the previous run. */
  private record Observation(long failed, long calls) {}

  /** The values a target had when the tuner first saw it. */
  private record Baseline(int failureThreshold, int maxAttempts, Duration baseDelay) {}

  /** Creates a tuner; nothing runs until {@link #start()}. */
  public AdaptiveTuner(
      CircuitBreakerRegistry breakers,
      RetryRegistry retries,
      AdaptiveTuningConfig config,
      TaskScheduler scheduler) {
    this.breakers = Objects.requireNonNull(breakers, "breakers");
    this.retries = Objects.requireNonNull(retries, "retries");
    this.config = Objects.requireNonNull(config, "config");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
  }

  /** Schedules the first run one interval from now, and each next run one interval after. */
  public void start() {
    LOG.info("adaptive tuner started: {}", config);
    scheduleNext();
  }

  private void scheduleNext() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      next = scheduler.schedule(this::runAndReschedule, config.interval());
    } catch (RejectedExecutionException e) {
      LOG.warn("adaptive tuner stopped: its scheduler rejected the next run", e);
    } finally {
      lock.unlock();
    }
  }

  private void runAndReschedule() {
    try {
      tune();
    } finally {
      scheduleNext();
    }
  }

  /** Runs one tuning pass over every target now. */
  public void tune() {
    lock.lock();
    try {
      for (String target : targets()) {
        tuneTarget(target);
      }
    } finally {
      lock.unlock();
    }
  }

  private Set<String> targets() {
    if (!config.targets().isEmpty()) {
      return new TreeSet<>(config.targets());
    }
    Set<String> names = new TreeSet<>(breakers.names());
    names.addAll(retries.names());
    return names;
  }

  private void tuneTarget(String target) {
    Optional<CircuitBreaker> breaker = breakers.find(target);
    Optional<RetryPolicy> policy = retries.find(target);
    Observation now = observe(breaker, policy);
    if (now == null) {
      return;
    }
    Observation before = lastObservations.put(target, now);
    Baseline baseline = baselines.computeIfAbsent(target, name -> baselineOf(breaker, policy));
    if (before == null) {
      return;
    }
    long calls = now.calls() - before.calls();
    long failed = now.failed() - before.failed();
    if (calls < config.minCallsPerInterval() || calls <= 0) {
      return;
    }
    double rate = failed * 100.0 / calls;
    String why = String.format(Locale.ROOT, "failure rate %.1f%% over %d calls", rate, calls);
    if (rate >= config.highFailureRate()) {
      tighten(target, breaker, policy, why + " >= " + config.highFailureRate() + "%");
    } else if (rate <= config.lowFailureRate()) {
      relax(target, breaker, policy, baseline, why + " <= " + config.lowFailureRate() + "%");
    }
  }

  private static @Nullable Observation observe(
      Optional<CircuitBreaker> breaker, Optional<RetryPolicy> policy) {
    if (breaker.isPresent()) {
      CircuitBreakerMetrics metrics = breaker.get().metrics();
      long failed = metrics.totalFailedCalls();
      return new Observation(failed, failed + metrics.totalSuccessfulCalls());
    }
    if (policy.isPresent()) {
      RetryMetrics metrics = policy.get().metrics();
      return new Observation(metrics.failedAttempts(), metrics.attempts());
    }
    return null;
  }

  private static Baseline baselineOf(
      Optional<CircuitBreaker> breaker, Optional<RetryPolicy> policy) {
    int threshold = breaker.map(b -> b.config().failureThreshold()).orElse(0);
    RetryConfig retry = policy.map(RetryPolicy::config).orElse(RetryConfig.defaults());
    return new Baseline(threshold, retry.maxAttempts(), retry.baseDelay());
  }

  private void tighten(
      String target, Optional<CircuitBreaker> breaker, Optional<RetryPolicy> policy, String why) {
    breaker.ifPresent(b -> setFailureThreshold(target, b, b.config().failureThreshold() - 1, why));
    policy.ifPresent(
        p -> {
          RetryConfig current = p.config();
          setRetry(
              target,
              p,
              current.maxAttempts() - 1,
              current.baseDelay().isZero()
                  ? config.minBaseDelay()
                  : current.baseDelay().multipliedBy(2),
              why);
        });
  }

  private void relax(
      String target,
      Optional<CircuitBreaker> breaker,
      Optional<RetryPolicy> policy,
      Baseline baseline,
      String why) {
    breaker.ifPresent(
        b ->
            setFailureThreshold(
                target,
                b,
                stepToward(b.config().failureThreshold(), baseline.failureThreshold()),
                why));
    policy.ifPresent(
        p -> {
          RetryConfig current = p.config();
          setRetry(
              target,
              p,
              stepToward(current.maxAttempts(), baseline.maxAttempts()),
              halveToward(current.baseDelay(), baseline.baseDelay()),
              why);
        });
  }

  private void setFailureThreshold(String target, CircuitBreaker breaker, int wanted, String why) {
    CircuitBreakerConfig current = breaker.config();
    if (current.failureThreshold() == 0) {
      return;
    }
    int value = clamp(wanted, config.minFailureThreshold(), config.maxFailureThreshold());
    if (value == current.failureThreshold()) {
      return;
    }
    breaker.reconfigure(CircuitBreakerConfig.from(current).failureThreshold(value).build());
    LOG.info(
        "tuner: circuit '{}' failure threshold {} -> {} ({})",
        target,
        current.failureThreshold(),
        value,
        why);
  }

  private void setRetry(
      String target, RetryPolicy policy, int wantedAttempts, Duration wantedDelay, String why) {
    RetryConfig current = policy.config();
    int attempts = clamp(wantedAttempts, config.minMaxAttempts(), config.maxMaxAttempts());
    Duration delay = clamp(wantedDelay, config.minBaseDelay(), config.maxBaseDelay());
    if (delay.compareTo(current.maxDelay()) > 0) {
      delay = current.maxDelay().compareTo(config.minBaseDelay()) >= 0 ? current.maxDelay() : delay;
    }
    boolean attemptsChanged = attempts != current.maxAttempts();
    boolean delayChanged = !delay.equals(current.baseDelay());
    if (!attemptsChanged && !delayChanged) {
      return;
    }
    RetryConfig.Builder updated = RetryConfig.from(current).maxAttempts(attempts).baseDelay(delay);
    if (delay.compareTo(current.maxDelay()) > 0) {
      updated.maxDelay(delay);
    }
    policy.reconfigure(updated.build());
    if (attemptsChanged) {
      LOG.info(
          "tuner: retry '{}' max attempts {} -> {} ({})",
          target,
          current.maxAttempts(),
          attempts,
          why);
    }
    if (delayChanged) {
      LOG.info(
          "tuner: retry '{}' base delay {} ms -> {} ms ({})",
          target,
          current.baseDelay().toMillis(),
          delay.toMillis(),
          why);
    }
  }

  private static int stepToward(int value, int target) {
    return value < target ? value + 1 : value > target ? value - 1 : value;
  }

  private static Duration halveToward(Duration value, Duration target) {
    if (value.compareTo(target) > 0) {
      Duration half = value.dividedBy(2);
      return half.compareTo(target) < 0 ? target : half;
    }
    if (value.compareTo(target) < 0) {
      Duration doubled = value.isZero() ? target : value.multipliedBy(2);
      return doubled.compareTo(target) > 0 ? target : doubled;
    }
    return value;
  }

  private static int clamp(int value, int min, int max) {
    return Math.max(min, Math.min(max, value));
  }

  private static Duration clamp(Duration value, Duration min, Duration max) {
    if (value.compareTo(min) < 0) {
      return min;
    }
    return value.compareTo(max) > 0 ? max : value;
  }

  /** Stops scheduling runs; a run in progress finishes. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      if (next != null) {
        next.cancel();
        next = null;
      }
    } finally {
      lock.unlock();
    }
    LOG.info("adaptive tuner stopped");
  }
}
