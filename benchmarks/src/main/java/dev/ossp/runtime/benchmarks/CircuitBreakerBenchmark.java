package dev.ossp.runtime.benchmarks;

import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.function.CheckedSupplier;
import dev.ossp.runtime.error.CircuitOpenException;
import dev.ossp.runtime.resilience.CircuitBreaker;
import dev.ossp.runtime.resilience.CircuitBreakerConfig;
import dev.ossp.runtime.resilience.internal.TimeSource;
import dev.ossp.runtime.resilience.internal.breaker.DefaultCircuitBreaker;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cost of a circuit breaker around a call. Every protected variant runs the same payload as its
 * {@code direct} baseline ({@code Blackhole.consumeCPU(100)}), so the difference is the breaker's
 * overhead. Breakers are built from the implementation class with the defaults (a 100-call count
 * window, no slow-call timing, no listener), as a registry would build them.
 *
 * <p>The anchors run the same payload: a resilience4j 2.4 breaker with its defaults (also a
 * 100-call count window), and a Failsafe 3.3 breaker with a failure threshold of 50 in the last 100
 * executions, because Failsafe's default opens after a single failure.
 *
 * <ul>
 *   <li>{@code closed*}: a CLOSED breaker through {@code executeSupplier}, on 1 and 2 threads
 *       sharing one breaker;
 *   <li>{@code closedPermit}: the permit API, as an asynchronous client would use it;
 *   <li>{@code openRejected*}: an OPEN breaker rejecting a call, by the permit API and by {@code
 *       CircuitOpenException};
 *   <li>{@code resilience4j*} and {@code failsafe*}: the anchors, CLOSED on 1 and 2 threads, and
 *       OPEN rejecting a call with their exceptions.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CircuitBreakerBenchmark {
  private static final long PAYLOAD_TOKENS = 100;

  private CircuitBreaker closed;
  private CircuitBreaker open;
  private Supplier<Long> payload;
  private io.github.resilience4j.circuitbreaker.CircuitBreaker resilience4jClosed;
  private io.github.resilience4j.circuitbreaker.CircuitBreaker resilience4jOpen;
  private FailsafeExecutor<Long> failsafeClosed;
  private FailsafeExecutor<Long> failsafeOpen;
  private CheckedSupplier<Long> checkedPayload;

  /** Builds a CLOSED and an OPEN breaker of each library; the OPEN ones stay open all run. */
  @Setup
  public void setUp() {
    closed =
        new DefaultCircuitBreaker(
            "closed", CircuitBreakerConfig.defaults(), TimeSource.system(), null);
    open =
        new DefaultCircuitBreaker(
            "open",
            CircuitBreakerConfig.builder()
                .openDuration(Duration.ofDays(1))
                .maxOpenDuration(Duration.ofDays(1))
                .build(),
            TimeSource.system(),
            null);
    open.transitionToOpen();
    payload = CircuitBreakerBenchmark::work;

    resilience4jClosed = io.github.resilience4j.circuitbreaker.CircuitBreaker.ofDefaults("closed");
    resilience4jOpen =
        io.github.resilience4j.circuitbreaker.CircuitBreaker.of(
            "open",
            io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.custom()
                .waitDurationInOpenState(Duration.ofDays(1))
                .build());
    resilience4jOpen.transitionToOpenState();

    failsafeClosed = Failsafe.with(failsafeBreaker());
    dev.failsafe.CircuitBreaker<Long> openFailsafeBreaker = failsafeBreaker();
    openFailsafeBreaker.open();
    failsafeOpen = Failsafe.with(openFailsafeBreaker);
    checkedPayload = CircuitBreakerBenchmark::work;
  }

  private static dev.failsafe.CircuitBreaker<Long> failsafeBreaker() {
    return dev.failsafe.CircuitBreaker.<Long>builder()
        .withFailureThreshold(50, 100)
        .withDelay(Duration.ofDays(1))
        .build();
  }

  private static Long work() {
    Blackhole.consumeCPU(PAYLOAD_TOKENS);
    return PAYLOAD_TOKENS;
  }

  @Benchmark
  @Threads(1)
  public Long direct1Thread() {
    return payload.get();
  }

  @Benchmark
  @Threads(1)
  public Long closed1Thread() {
    return closed.executeSupplier(payload);
  }

  @Benchmark
  @Threads(2)
  public Long direct2Threads() {
    return payload.get();
  }

  @Benchmark
  @Threads(2)
  public Long closed2Threads() {
    return closed.executeSupplier(payload);
  }

  @Benchmark
  @Threads(1)
  public Long closedPermit() {
    if (!closed.tryAcquirePermission()) {
      return -1L;
    }
    Long result = payload.get();
    closed.onSuccess(Duration.ZERO);
    return result;
  }

  @Benchmark
  @Threads(1)
  public boolean openRejectedPermit() {
    return open.tryAcquirePermission();
  }

  @Benchmark
  @Threads(1)
  public Object openRejectedException() {
    try {
      return open.executeSupplier(payload);
    } catch (CircuitOpenException rejected) {
      return rejected;
    }
  }

  @Benchmark
  @Threads(1)
  public Long resilience4jClosed1Thread() {
    return resilience4jClosed.executeSupplier(payload);
  }

  @Benchmark
  @Threads(2)
  public Long resilience4jClosed2Threads() {
    return resilience4jClosed.executeSupplier(payload);
  }

  @Benchmark
  @Threads(1)
  public Object resilience4jOpenRejected() {
    try {
      return resilience4jOpen.executeSupplier(payload);
    } catch (CallNotPermittedException rejected) {
      return rejected;
    }
  }

  @Benchmark
  @Threads(1)
  public Long failsafeClosed1Thread() {
    return failsafeClosed.get(checkedPayload);
  }

  @Benchmark
  @Threads(2)
  public Long failsafeClosed2Threads() {
    return failsafeClosed.get(checkedPayload);
  }

  @Benchmark
  @Threads(1)
  public Object failsafeOpenRejected() {
    try {
      return failsafeOpen.get(checkedPayload);
    } catch (CircuitBreakerOpenException rejected) {
      return rejected;
    }
  }
}
