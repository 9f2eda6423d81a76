package dev.ossp.runtime.resilience.internal.breaker;

import dev.ossp.runtime.resilience.CircuitBreaker.State;
import dev.ossp.runtime.resilience.CircuitBreakerConfig;
import dev.ossp.runtime.resilience.CircuitBreakerEvent;
import dev.ossp.runtime.resilience.CircuitBreakerEvent.Trigger;
import dev.ossp.runtime.resilience.CircuitBreakerListener;
import dev.ossp.runtime.resilience.CircuitBreakerMetrics;
import dev.ossp.runtime.resilience.Failures;
import dev.ossp.runtime.resilience.internal.ListenerList;
import dev.ossp.runtime.resilience.internal.TaskScheduler;
import dev.ossp.runtime.resilience.internal.TimeSource;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state machine of one breaker: admission, outcome recording and transitions. A call is
 * admitted by {@link #acquire()}, which returns the period ({@link BreakerState}) that admitted it,
 * and its outcome is recorded against that same period.
 *
 * <p>CLOSED admission is one volatile read. Recording a success in CLOSED is one atomic increment
 * and one store into the window, plus a read of the consecutive-failure counter; nothing is
 * allocated unless a listener is registered. Transitions replace the period with compare-and-set.
 *
 * <p>This class is thread-safe.
 */
final class StateMachine {
  private static final Logger LOG = LoggerFactory.getLogger(StateMachine.class);

  /** Passed as {@code nowNanos} when the caller did not read the clock. */
  static final long UNKNOWN_TIME = Long.MIN_VALUE;

  private final String name;
  private final TimeSource time;
  private final @Nullable TaskScheduler scheduler;
  private final AtomicReference<BreakerState> current;
  private final ListenerList<CircuitBreakerListener> listeners;
  private final LongAdder notPermitted = new LongAdder();
  private final AtomicLong openings = new AtomicLong();
  private final LongAdder windowFailures = new LongAdder();
  private final LongAdder probeSuccesses = new LongAdder();
  private final LongAdder probeFailures = new LongAdder();
  private volatile Settings settings;

  StateMachine(
      String name,
      CircuitBreakerConfig config,
      TimeSource time,
      @Nullable TaskScheduler scheduler,
      ListenerList<CircuitBreakerListener> listeners) {
    this.name = name;
    this.time = time;
    this.scheduler = scheduler;
    this.listeners = listeners;
    this.settings = new Settings(config);
    this.current =
        new AtomicReference<>(
            new BreakerState.Recording(
                State.CLOSED,
                time.nanoTime(),
                SlidingWindow.create(config, 0),
                new AtomicInteger()));
  }

  /** The configuration in force and the values derived from it for the hot path. */
  static final class Settings {
    final CircuitBreakerConfig config;
    final long slowCallNanos;
    final int minimumCalls;
    final boolean hasResultPredicate;

    Settings(CircuitBreakerConfig config) {
      this.config = config;
      this.slowCallNanos = config.slowCallDurationThreshold().map(Duration::toNanos).orElse(0L);
      this.minimumCalls =
          config.slidingWindowType() == CircuitBreakerConfig.SlidingWindowType.COUNT_BASED
              ? Math.min(config.minimumNumberOfCalls(), config.slidingWindowSize())
              : config.minimumNumberOfCalls();
      this.hasResultPredicate = config.recordResult().isPresent();
    }
  }

  Settings settings() {
    return settings;
  }

  BreakerState current() {
    return current.get();
  }

  /** Whether a decorator must time the call: for slow-call detection or for events. */
  boolean needsTiming() {
    return settings.slowCallNanos > 0 || !listeners.isEmpty();
  }

  // ---- Admission ------------------------------------------------------------------------------

  /** Returns the period that admits the call, or null when the call is rejected. */
  @Nullable BreakerState acquire() {
    BreakerState state = current.get();
    if (state.state == State.CLOSED) {
      return state;
    }
    return acquireSlow(state);
  }

  private @Nullable BreakerState acquireSlow(BreakerState first) {
    BreakerState state = first;
    while (true) {
      switch (state.state) {
        case CLOSED:
        case METRICS_ONLY:
        case DISABLED:
          return state;
        case OPEN:
          {
            BreakerState.Open open = (BreakerState.Open) state;
            long now = time.nanoTime();
            if (now - open.untilNanos < 0) {
              reject(state);
              return null;
            }
            moveToHalfOpen(open, now, "the open duration has passed");
            state = current.get();
            continue;
          }
        case HALF_OPEN:
          {
            BreakerState.HalfOpen halfOpen = (BreakerState.HalfOpen) state;
            long now = time.nanoTime();
            if (halfOpen.tryTakePermit(now)) {
              scheduleHalfOpenTimeout(halfOpen);
              return state;
            }
            reopenIfProbesStuck(halfOpen, now);
            reject(state);
            return null;
          }
        default:
          reject(state);
          return null;
      }
    }
  }

  private void reject(BreakerState state) {
    notPermitted.increment();
    if (!listeners.isEmpty()) {
      publish(new CircuitBreakerEvent.NotPermitted(name, time.now(), state.state));
    }
  }

  /** Returns the time until a rejected call could be admitted, for {@code CircuitOpenException}. */
  Duration untilNextProbe(@Nullable BreakerState state) {
    BreakerState observed = state == null ? current.get() : state;
    long now = time.nanoTime();
    if (observed instanceof BreakerState.Open open) {
      return Duration.ofNanos(Math.max(0, open.untilNanos - now));
    }
    if (observed instanceof BreakerState.HalfOpen halfOpen) {
      long waited = now - halfOpen.lastActivityNanos;
      return Duration.ofNanos(Math.max(0, settings.config.maxWaitInHalfOpen().toNanos() - waited));
    }
    if (observed.state == State.FORCED_OPEN) {
      // NOTE: a forced-open breaker has no scheduled probe; the open duration is only a hint.
      return settings.config.openDuration();
    }
    return Duration.ZERO;
  }

  // ---- Outcomes -------------------------------------------------------------------------------

  /**
   * Records a success; {@code nowNanos} is {@link #UNKNOWN_TIME} when the caller did not read the
   * clock.
   */
  void onSuccess(BreakerState state, long durationNanos, long nowNanos) {
    Settings active = settings;
    boolean slow = active.slowCallNanos > 0 && durationNanos >= active.slowCallNanos;
    if (state instanceof BreakerState.Recording recording) {
      SlidingWindow window = recording.window;
      long now = window.needsTime() || slow ? nowOr(nowNanos) : 0L;
      window.record(slow ? Outcome.SUCCESS | Outcome.SLOW : Outcome.SUCCESS, now);
      if (recording.consecutiveFailures.get() != 0) {
        recording.consecutiveFailures.set(0);
      }
      if (slow) {
        evaluateRates(recording, active, now, null);
      }
    } else if (state instanceof BreakerState.HalfOpen halfOpen) {
      onProbeSuccess(halfOpen, active, nowOr(nowNanos));
    } else {
      return;
    }
    if (!listeners.isEmpty()) {
      publish(new CircuitBreakerEvent.Success(name, time.now(), Duration.ofNanos(durationNanos)));
    }
  }

  /** Records a failure; {@code error} is null for a result that counted as a failure. */
  void onFailure(BreakerState state, long durationNanos, long nowNanos, @Nullable Throwable error) {
    Settings active = settings;
    boolean slow = active.slowCallNanos > 0 && durationNanos >= active.slowCallNanos;
    if (state instanceof BreakerState.Recording recording) {
      long now = nowOr(nowNanos);
      windowFailures.increment();
      recording.window.record(Outcome.of(true, slow), now);
      int consecutive = recording.consecutiveFailures.incrementAndGet();
      int threshold = active.config.failureThreshold();
      if (threshold > 0 && consecutive >= threshold) {
        thresholdReached(recording, Trigger.CONSECUTIVE_FAILURES, consecutive, threshold, error);
      } else {
        evaluateRates(recording, active, now, error);
      }
    } else if (state instanceof BreakerState.HalfOpen halfOpen) {
      long now = nowOr(nowNanos);
      if (current.get() == halfOpen && halfOpen.finishProbe(now)) {
        probeFailures.increment();
        reopen(halfOpen, now, error, "a probe failed");
      }
    } else {
      return;
    }
    if (!listeners.isEmpty()) {
      publish(
          new CircuitBreakerEvent.Failure(
              name,
              time.now(),
              Duration.ofNanos(durationNanos),
              error == null ? null : Failures.unwrap(error)));
    }
  }

  /** Handles an ignored error or a released permission: a probe slot is given back. */
  void onIgnored(BreakerState state, long durationNanos, @Nullable Throwable error) {
    if (state instanceof BreakerState.HalfOpen halfOpen
        && current.get() == halfOpen
        && halfOpen.finishProbe(time.nanoTime())) {
      halfOpen.permits.incrementAndGet();
    }
    if (error != null && !listeners.isEmpty()) {
      publish(
          new CircuitBreakerEvent.IgnoredError(
              name, time.now(), Duration.ofNanos(durationNanos), Failures.unwrap(error)));
    }
  }

  private long nowOr(long nowNanos) {
    return nowNanos != UNKNOWN_TIME ? nowNanos : time.nanoTime();
  }

  private void onProbeSuccess(BreakerState.HalfOpen halfOpen, Settings active, long now) {
    if (current.get() != halfOpen || !halfOpen.finishProbe(now)) {
      return;
    }
    probeSuccesses.increment();
    int successes = halfOpen.successes.incrementAndGet();
    int needed = active.config.successThreshold();
    if (successes < needed) {
      halfOpen.permits.incrementAndGet();
      return;
    }
    BreakerState closed =
        new BreakerState.Recording(
            State.CLOSED,
            now,
            SlidingWindow.create(active.config, halfOpen.window.totalRecorded()),
            new AtomicInteger());
    transition(halfOpen, closed, successes + " successful probes");
  }

  private void evaluateRates(
      BreakerState.Recording recording, Settings active, long now, @Nullable Throwable error) {
    CircuitBreakerConfig config = active.config;
    boolean failureRateOn = config.failureRateThreshold() > 0;
    boolean slowRateOn = config.slowCallRateThreshold() > 0 && active.slowCallNanos > 0;
    if (!failureRateOn && !slowRateOn) {
      return;
    }
    WindowCounts counts = recording.window.snapshot(now);
    if (counts.buffered() < active.minimumCalls) {
      return;
    }
    if (failureRateOn && counts.failureRate() >= config.failureRateThreshold()) {
      thresholdReached(
          recording,
          Trigger.FAILURE_RATE,
          counts.failureRate(),
          config.failureRateThreshold(),
          error);
    } else if (slowRateOn && counts.slowCallRate() >= config.slowCallRateThreshold()) {
      thresholdReached(
          recording,
          Trigger.SLOW_CALL_RATE,
          counts.slowCallRate(),
          config.slowCallRateThreshold(),
          error);
    }
  }

  private void thresholdReached(
      BreakerState.Recording recording,
      Trigger trigger,
      double observed,
      double threshold,
      @Nullable Throwable error) {
    if (!listeners.isEmpty()) {
      publish(
          new CircuitBreakerEvent.ThresholdExceeded(
              name, time.now(), trigger, observed, threshold));
    }
    String reason = describe(trigger, observed, threshold);
    if (recording.state == State.METRICS_ONLY) {
      if (recording.thresholdLogged.compareAndSet(false, true)) {
        LOG.info("circuit '{}' would open ({}) but records metrics only", name, reason);
      }
      return;
    }
    if (current.get() != recording) {
      return;
    }
    long now = time.nanoTime();
    transition(recording, newOpen(recording.window, 1, now, error), reason);
  }

  private static String describe(Trigger trigger, double observed, double threshold) {
    return switch (trigger) {
      case CONSECUTIVE_FAILURES -> (long) observed + " consecutive failures";
      case FAILURE_RATE ->
          String.format(
              java.util.Locale.ROOT, "failure rate %.1f%% >= %.1f%%", observed, threshold);
      case SLOW_CALL_RATE ->
          String.format(
              java.util.Locale.ROOT, "slow-call rate %.1f%% >= %.1f%%", observed, threshold);
    };
  }

  // ---- Transitions ----------------------------------------------------------------------------

  private BreakerState.Open newOpen(
      SlidingWindow window, int consecutiveOpenings, long now, @Nullable Throwable error) {
    CircuitBreakerConfig config = settings.config;
    Duration wait = config.openDurationFor(consecutiveOpenings);
    if (config.honorRetryAfter() && error != null) {
      Optional<Duration> hint = Failures.retryAfter(error);
      if (hint.isPresent()) {
        wait =
            hint.get().compareTo(config.maxOpenDuration()) > 0
                ? config.maxOpenDuration()
                : hint.get();
      }
    }
    return new BreakerState.Open(now, window, saturatedAdd(now, wait), consecutiveOpenings);
  }

  private static long saturatedAdd(long now, Duration wait) {
    long nanos;
    try {
      nanos = wait.toNanos();
    } catch (ArithmeticException e) {
      nanos = Long.MAX_VALUE / 2;
    }
    return now + Math.min(nanos, Long.MAX_VALUE / 2);
  }

  private void reopen(
      BreakerState.HalfOpen halfOpen, long now, @Nullable Throwable error, String why) {
    transition(
        halfOpen, newOpen(halfOpen.window, halfOpen.consecutiveOpenings + 1, now, error), why);
  }

  private void moveToHalfOpen(BreakerState.Open open, long now, String reason) {
    BreakerState.HalfOpen halfOpen =
        new BreakerState.HalfOpen(
            now, open.window, open.consecutiveOpenings, settings.config.permittedCallsInHalfOpen());
    transition(open, halfOpen, reason);
  }

  private void reopenIfProbesStuck(BreakerState.HalfOpen halfOpen, long now) {
    long maxWait = settings.config.maxWaitInHalfOpen().toNanos();
    if (halfOpen.inFlight.get() > 0 && now - halfOpen.lastActivityNanos >= maxWait) {
      reopen(
          halfOpen,
          now,
          null,
          "no probe finished within " + settings.config.maxWaitInHalfOpen().toMillis() + " ms");
    }
  }

  /** Replaces {@code from} with {@code to}; returns false when another thread moved first. */
  boolean transition(BreakerState from, BreakerState to, String reason) {
    if (!current.compareAndSet(from, to)) {
      return false;
    }
    afterTransition(from, to, reason);
    return true;
  }

  /** Replaces whatever period is current with the one {@code next} builds from it. */
  void force(UnaryOperator<BreakerState> next, String reason) {
    while (true) {
      BreakerState from = current.get();
      BreakerState to = next.apply(from);
      if (current.compareAndSet(from, to)) {
        afterTransition(from, to, reason);
        return;
      }
    }
  }

  private void afterTransition(BreakerState from, BreakerState to, String reason) {
    if (to instanceof BreakerState.Open open) {
      openings.incrementAndGet();
      long waitMillis = Math.max(0, (open.untilNanos - open.enteredNanos) / 1_000_000);
      LOG.info("circuit '{}' opened after {}; next probe in {} ms", name, reason, waitMillis);
      scheduleHalfOpen(open, waitMillis);
    } else {
      LOG.info("circuit '{}' moved from {} to {} ({})", name, from.state, to.state, reason);
    }
    if (!listeners.isEmpty()) {
      publish(
          new CircuitBreakerEvent.StateTransition(name, time.now(), from.state, to.state, reason));
    }
  }

  private void scheduleHalfOpen(BreakerState.Open open, long waitMillis) {
    if (scheduler == null || !settings.config.automaticTransition()) {
      return;
    }
    Runnable task =
        () -> {
          if (current.get() == open) {
            moveToHalfOpen(open, time.nanoTime(), "the open duration has passed (scheduled)");
          }
        };
    try {
      scheduler.schedule(task, Duration.ofNanos(open.untilNanos - open.enteredNanos));
    } catch (RejectedExecutionException e) {
      LOG.warn(
          "circuit '{}' could not schedule its move to HALF_OPEN in {} ms; the next call makes it",
          name,
          waitMillis,
          e);
    }
  }

  private void scheduleHalfOpenTimeout(BreakerState.HalfOpen halfOpen) {
    if (scheduler == null || !settings.config.automaticTransition()) {
      return;
    }
    Duration maxWait = settings.config.maxWaitInHalfOpen();
    try {
      scheduler.schedule(
          () -> {
            if (current.get() == halfOpen) {
              reopenIfProbesStuck(halfOpen, time.nanoTime());
            }
          },
          maxWait);
    } catch (RejectedExecutionException e) {
      LOG.warn("circuit '{}' could not schedule its half-open timeout check", name, e);
    }
  }

  /** Moves to OPEN for the next consecutive opening, as an operator asked. */
  void openNow(String reason) {
    long now = time.nanoTime();
    force(
        from -> {
          int openings =
              from instanceof BreakerState.HalfOpen halfOpen
                  ? halfOpen.consecutiveOpenings + 1
                  : from instanceof BreakerState.Open open ? open.consecutiveOpenings + 1 : 1;
          return newOpen(from.window, openings, now, null);
        },
        reason);
  }

  /** Moves to HALF_OPEN with a full set of probe permits, as an operator asked. */
  void halfOpenNow(String reason) {
    long now = time.nanoTime();
    force(
        from ->
            new BreakerState.HalfOpen(
                now,
                from.window,
                from instanceof BreakerState.Open open ? open.consecutiveOpenings : 1,
                settings.config.permittedCallsInHalfOpen()),
        reason);
  }

  /** Moves to a recording state (CLOSED or METRICS_ONLY) with an empty window. */
  void recordingNow(State state, String reason) {
    long now = time.nanoTime();
    force(
        from ->
            new BreakerState.Recording(
                state,
                now,
                SlidingWindow.create(settings.config, from.window.totalRecorded()),
                new AtomicInteger()),
        reason);
  }

  /** Moves to FORCED_OPEN or DISABLED. */
  void operatorNow(State state, String reason) {
    long now = time.nanoTime();
    force(from -> new BreakerState.Operator(state, now, from.window), reason);
  }

  /** Moves to CLOSED and clears every count. */
  void reset() {
    long now = time.nanoTime();
    force(
        from ->
            new BreakerState.Recording(
                State.CLOSED, now, SlidingWindow.create(settings.config, 0), new AtomicInteger()),
        "reset");
    notPermitted.reset();
    openings.set(0);
    windowFailures.reset();
    probeSuccesses.reset();
    probeFailures.reset();
    if (!listeners.isEmpty()) {
      publish(new CircuitBreakerEvent.Reset(name, time.now()));
    }
  }

  /** Replaces the configuration, keeping the period and its counts. */
  void reconfigure(CircuitBreakerConfig config) {
    Settings previous = settings;
    settings = new Settings(config);
    while (true) {
      BreakerState state = current.get();
      if (state instanceof BreakerState.Recording recording && !recording.window.hasShape(config)) {
        SlidingWindow resized = recording.window.resized(config, time.nanoTime());
        if (!current.compareAndSet(state, recording.withWindow(resized))) {
          continue;
        }
      } else if (state instanceof BreakerState.HalfOpen halfOpen) {
        int added = config.permittedCallsInHalfOpen() - previous.config.permittedCallsInHalfOpen();
        if (added != 0) {
          halfOpen.permits.addAndGet(added);
        }
      }
      break;
    }
    LOG.info("circuit '{}' reconfigured in state {}: {}", name, state().state, config);
    if (!listeners.isEmpty()) {
      publish(new CircuitBreakerEvent.Reconfigured(name, time.now(), previous.config, config));
    }
  }

  private BreakerState state() {
    return current.get();
  }

  // ---- Metrics and events ---------------------------------------------------------------------

  CircuitBreakerMetrics metrics() {
    BreakerState state = current.get();
    long now = time.nanoTime();
    WindowCounts counts = state.window.snapshot(now);
    boolean enough = counts.buffered() > 0 && counts.buffered() >= settings.minimumCalls;
    int consecutive =
        state instanceof BreakerState.Recording recording ? recording.consecutiveFailures.get() : 0;
    long windowFailed = windowFailures.sum();
    long probeFailed = probeFailures.sum();
    long successful =
        Math.max(0, state.window.totalRecorded() - windowFailed) + probeSuccesses.sum();
    return new CircuitBreakerMetrics(
        state.state,
        enough ? OptionalDouble.of(counts.failureRate()) : OptionalDouble.empty(),
        enough ? OptionalDouble.of(counts.slowCallRate()) : OptionalDouble.empty(),
        counts.buffered(),
        counts.failed(),
        counts.successful(),
        counts.slow(),
        counts.slowFailed(),
        consecutive,
        notPermitted.sum(),
        openings.get(),
        successful,
        windowFailed + probeFailed,
        Duration.ofNanos(Math.max(0, now - state.enteredNanos)),
        state instanceof BreakerState.Open ? untilNextProbe(state) : Duration.ZERO);
  }

  void publish(CircuitBreakerEvent event) {
    listeners.publish(event, CircuitBreakerListener::onEvent);
  }
}
