package dev.ossp.runtime.resilience.internal.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.resilience.RetryBudget;
import dev.ossp.runtime.resilience.RetryBudgetConfig;
import dev.ossp.runtime.resilience.RetryConfig;
import dev.ossp.runtime.resilience.RetryEvent;
import dev.ossp.runtime.resilience.RetryExhaustedException;
import dev.ossp.runtime.resilience.RetryPolicy;
import dev.ossp.runtime.resilience.internal.ManualTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryBudgetTest {
  private final ManualTime time = new ManualTime();

  private static int drain(RetryBudget budget) {
    int granted = 0;
    while (budget.tryAcquireRetry() && granted < 100_000) {
      granted++;
    }
    return granted;
  }

  @Test
  void quietTargetGetsTheFloor() {
    // given the defaults: 1 retry per second over 10 s, and no calls yet
    RetryBudget budget = new DefaultRetryBudget("quiet", RetryBudgetConfig.defaults(), time);

    // then 10 retries are granted, and the next is refused and counted
    assertThat(drain(budget)).isEqualTo(10);
    assertThat(budget.metrics().totalRejections()).isEqualTo(1);
    assertThat(budget.metrics().availableRetries()).isZero();
  }

  @Test
  void busyTargetGetsARatioOfItsCalls() {
    // given 20% of calls plus no floor
    RetryBudget budget =
        new DefaultRetryBudget(
            "busy", RetryBudgetConfig.builder().minRetriesPerSecond(0).build(), time);

    // when 100 calls were made
    for (int i = 0; i < 100; i++) {
      budget.recordCall();
    }

    // then 20 retries are granted
    assertThat(budget.metrics().callsInWindow()).isEqualTo(100);
    assertThat(drain(budget)).isEqualTo(20);
    assertThat(budget.metrics().retriesInWindow()).isEqualTo(20);
  }

  @Test
  void windowSlidesOverOldCallsAndRetries() {
    // given a 2 s window with 50% of calls and no floor
    RetryBudget budget =
        new DefaultRetryBudget(
            "sliding",
            RetryBudgetConfig.builder()
                .ratio(0.5)
                .minRetriesPerSecond(0)
                .window(Duration.ofSeconds(2))
                .build(),
            time);
    for (int i = 0; i < 10; i++) {
      budget.recordCall();
    }
    assertThat(drain(budget)).isEqualTo(5);

    // when 3 s pass with no calls
    time.advance(Duration.ofSeconds(3));

    // then the old calls and retries left the window: nothing is granted
    assertThat(budget.metrics().callsInWindow()).isZero();
    assertThat(budget.tryAcquireRetry()).isFalse();

    // when 4 new calls arrive, 2 retries are granted
    for (int i = 0; i < 4; i++) {
      budget.recordCall();
    }
    assertThat(drain(budget)).isEqualTo(2);
  }

  @Test
  void exhaustedBudgetStopsPoliciesSharingIt() {
    // given two policies that share one budget with a floor of 3 retries
    RetryFixture fixture = new RetryFixture();
    fixture.budgetConfig =
        RetryBudgetConfig.builder()
            .ratio(0)
            .minRetriesPerSecond(1)
            .window(Duration.ofSeconds(3))
            .build();
    RetryConfig config =
        RetryConfig.builder().maxAttempts(3).budgetName("urn:agent:shop:cart").build();
    RetryPolicy first = fixture.policy(config);
    RetryPolicy second = fixture.policy(config);
    List<RetryEvent> events = new CopyOnWriteArrayList<>();
    second.addListener(events::add);
    AtomicInteger calls = new AtomicInteger();

    // when the first policy uses 2 retries, and the second fails on
    assertThatThrownBy(() -> first.executeSupplier(() -> down(calls)))
        .isInstanceOf(RetryExhaustedException.class);
    assertThatThrownBy(() -> second.executeSupplier(() -> down(calls)))
        .isInstanceOfSatisfying(
            RetryExhaustedException.class,
            error -> {
              // then the second gets the last retry, and the budget stops it after 2 attempts
              assertThat(error.reason()).isEqualTo(RetryExhaustedException.Reason.BUDGET);
              assertThat(error.attempts()).isEqualTo(2);
            });
    assertThat(calls.get()).isEqualTo(5);
    assertThat(second.metrics().budgetRejections()).isEqualTo(1);
    assertThat(events).anyMatch(RetryEvent.BudgetRejected.class::isInstance);
  }

  private static String down(AtomicInteger calls) {
    calls.incrementAndGet();
    throw new OsspException(ErrorKind.NETWORK, "connection refused");
  }
}
