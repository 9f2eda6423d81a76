package dev.ossp.runtime.resilience.internal.breaker;

import static dev.ossp.runtime.resilience.internal.breaker.Breakers.fail;
import static dev.ossp.runtime.resilience.internal.breaker.Breakers.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import dev.ossp.runtime.resilience.CircuitBreaker;
import dev.ossp.runtime.resilience.CircuitBreakerConfig;
import dev.ossp.runtime.resilience.CircuitBreakerEvent;
import dev.ossp.runtime.resilience.CircuitBreakerListener;
import dev.ossp.runtime.resilience.internal.ManualTime;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CircuitBreakerEventsTest {
  private final ManualTime time = new ManualTime();

  private CircuitBreaker breaker(CircuitBreakerConfig config) {
    return new DefaultCircuitBreaker("events", config, time, null);
  }

  @Test
  void listenerSeesEveryKindOfEventInOrder() {
    // given a breaker that opens after 2 failures and ignores IllegalArgumentException
    CircuitBreaker breaker =
        breaker(
            CircuitBreakerConfig.builder()
                .failureThreshold(2)
                .failureRateThreshold(0)
                .ignoreExceptions(IllegalArgumentException.class)
                .build());
    List<CircuitBreakerEvent> events = new CopyOnWriteArrayList<>();
    breaker.addListener(events::add);

    // when a call succeeds, one is ignored, two fail and one is rejected
    succeed(breaker, 1);
    breaker.onError(Duration.ZERO, new IllegalArgumentException("bad input"));
    fail(breaker, 2);
    breaker.tryAcquirePermission();

    // then the listener saw them in that order, with the transition after the threshold
    assertThat(events)
        .extracting(event -> event.getClass().getSimpleName())
        .containsExactly(
            "Success",
            "IgnoredError",
            "Failure",
            "ThresholdExceeded",
            "StateTransition",
            "Failure",
            "NotPermitted");
    assertThat(events).allSatisfy(event -> assertThat(event.breakerName()).isEqualTo("events"));
  }

  @Test
  void throwingListenerNeverBreaksTheCall() {
    // given a listener that throws, registered before one that records
    CircuitBreaker breaker = breaker(CircuitBreakerConfig.defaults());
    List<CircuitBreakerEvent> events = new CopyOnWriteArrayList<>();
    breaker.addListener(
        event -> {
          throw new IllegalStateException("listener bug");
        });
    breaker.addListener(events::add);

    // when a call succeeds
    String result = breaker.executeSupplier(() -> "ok");

    // then the call returned normally and the second listener still got the event
    assertThat(result).isEqualTo("ok");
    assertThat(events).hasSize(1);
  }

  @Test
  void removedListenerGetsNothing() {
    // given a listener that was added and removed
    CircuitBreaker breaker = breaker(CircuitBreakerConfig.defaults());
    List<CircuitBreakerEvent> events = new CopyOnWriteArrayList<>();
    CircuitBreakerListener listener = events::add;
    breaker.addListener(listener);
    breaker.removeListener(listener);

    // when calls run
    succeed(breaker, 3);

    // then it received nothing
    assertThat(events).isEmpty();
  }

  @Test
  void closedHotPathAllocatesNothingWithoutListeners() {
    // given a closed breaker with no listener, warmed up
    CircuitBreaker breaker = breaker(CircuitBreakerConfig.defaults());
    Supplier<String> call = () -> "ok";
    for (int i = 0; i < 20_000; i++) {
      breaker.executeSupplier(call);
    }
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();

    // when 100,000 more calls run
    long before = threads.getThreadAllocatedBytes(thread);
    for (int i = 0; i < 100_000; i++) {
      breaker.executeSupplier(call);
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - before;

    // then they allocated (almost) nothing: well under one byte per call
    assertThat(allocated).isLessThan(10_000);
  }
}
