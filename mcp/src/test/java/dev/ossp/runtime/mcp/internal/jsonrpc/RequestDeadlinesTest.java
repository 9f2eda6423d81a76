package dev.ossp.runtime.mcp.internal.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** One wake-up per session for the earliest request deadline, on a manual clock and scheduler. */
class RequestDeadlinesTest {
  /** A scheduled task and the clock time it is due at. */
  private record Task(Runnable task, long dueNanos) {}

  private long now = 1_000;
  private final List<Task> scheduled = new ArrayList<>();

  /** The pending requests of the fake session: deadline to request id. */
  private final TreeMap<Long, String> pending = new TreeMap<>();

  private final List<String> expired = new ArrayList<>();
  private final RequestDeadlines deadlines =
      new RequestDeadlines(
          (task, delayNanos) -> scheduled.add(new Task(task, now + delayNanos)),
          () -> now,
          this::sweep);

  private void sweep(long nowNanos) {
    while (!pending.isEmpty() && RequestDeadlines.isDue(pending.firstKey(), nowNanos)) {
      expired.add(pending.pollFirstEntry().getValue());
    }
    if (!pending.isEmpty()) {
      deadlines.arm(pending.firstKey());
    }
  }

  private void send(String request, long timeoutNanos) {
    long deadline = deadlines.deadlineAfter(timeoutNanos);
    pending.put(deadline, request);
    deadlines.arm(deadline);
  }

  /** Advances the clock to {@code time} and runs the tasks due by then, in due order. */
  private void advanceTo(long time) {
    now = time;
    while (true) {
      Task next = null;
      for (Task task : scheduled) {
        if (task.dueNanos() <= now && (next == null || task.dueNanos() < next.dueNanos())) {
          next = task;
        }
      }
      if (next == null) {
        return;
      }
      scheduled.remove(next);
      next.task().run();
    }
  }

  @Test
  void laterDeadlinesScheduleNoTask() {
    // when
    send("a", 100);
    send("b", 200);
    send("c", 300);

    // then
    assertThat(scheduled).hasSize(1);
    assertThat(scheduled.get(0).dueNanos()).isEqualTo(1_100);
  }

  @Test
  void wakeupExpiresDueAndRearms() {
    // given
    send("a", 100);
    send("b", 250);

    // when
    advanceTo(1_100);

    // then
    assertThat(expired).containsExactly("a");
    assertThat(scheduled).hasSize(1);
    assertThat(scheduled.get(0).dueNanos()).isEqualTo(1_250);

    // when
    advanceTo(1_250);

    // then
    assertThat(expired).containsExactly("a", "b");
    assertThat(scheduled).isEmpty();
    assertThat(deadlines.isArmed()).isFalse();
  }

  @Test
  void earlierDeadlineArmsItsOwnWakeup() {
    // given
    send("long", 1_000);

    // when
    send("short", 100);

    // then
    assertThat(scheduled).extracting(Task::dueNanos).containsExactly(2_000L, 1_100L);

    // when
    advanceTo(1_100);

    // then
    assertThat(expired).containsExactly("short");
    assertThat(scheduled).extracting(Task::dueNanos).containsExactly(2_000L, 2_000L);
  }

  @Test
  void replacedWakeupDoesNothingWhenItFires() {
    // given
    send("long", 1_000);
    send("short", 100);
    advanceTo(1_100);
    int sweepsBefore = expired.size();

    // when
    advanceTo(2_000);

    // then
    assertThat(expired).hasSize(sweepsBefore + 1).endsWith("long");
    assertThat(scheduled).isEmpty();
  }

  @Test
  void requestSentWhenNoneIsPendingArmsAgain() {
    // given
    send("a", 100);
    advanceTo(1_100);

    // when
    send("b", 100);

    // then
    assertThat(scheduled).extracting(Task::dueNanos).containsExactly(1_200L);
  }

  @Test
  void deadlinePastWrapAroundCountsAsLater() {
    // given
    now = Long.MAX_VALUE - 50;
    long wrapped = deadlines.deadlineAfter(100);
    long before = deadlines.deadlineAfter(10);

    // when
    deadlines.arm(wrapped);
    deadlines.arm(before);

    // then
    assertThat(wrapped).isNegative();
    assertThat(scheduled).hasSize(2);
    assertThat(RequestDeadlines.isDue(wrapped, before)).isFalse();
    assertThat(RequestDeadlines.isDue(before, wrapped)).isTrue();
    assertThat(RequestDeadlines.earlier(wrapped, before)).isEqualTo(before);
  }
}
