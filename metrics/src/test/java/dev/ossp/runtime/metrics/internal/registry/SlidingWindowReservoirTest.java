package dev.ossp.runtime.metrics.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.codahale.metrics.Clock;
import com.codahale.metrics.Snapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SlidingWindowReservoirTest {
  private static final Duration WINDOW = Duration.ofSeconds(60);

  private final ManualClock clock = new ManualClock();
  private final SlidingWindowReservoir reservoir = new SlidingWindowReservoir(WINDOW, 6, clock);

  @Test
  void emptyReservoirReportsNoData() {
    // when
    Snapshot snapshot = reservoir.getSnapshot();

    // then
    assertThat(snapshot.size()).isZero();
    assertThat(snapshot.getValue(0.99)).isNaN();
    assertThat(snapshot.getMean()).isNaN();
  }

  @Test
  void percentilesReportNoDataAfterTrafficStops() {
    // given
    for (int i = 1; i <= 1000; i++) {
      reservoir.update(i * 1_000_000L);
    }
    assertThat(reservoir.getSnapshot().getValue(0.5)).isCloseTo(500e6, within(5e6));

    // when half a window passes without traffic, the values are still in the window
    clock.advance(Duration.ofSeconds(30));

    // then
    assertThat(reservoir.getSnapshot().size()).isEqualTo(1000);

    // when a whole window passes without traffic
    clock.advance(Duration.ofSeconds(30));

    // then
    Snapshot snapshot = reservoir.getSnapshot();
    assertThat(snapshot.size()).isZero();
    assertThat(snapshot.getValue(0.5)).isNaN();
    assertThat(snapshot.getValue(0.99)).isNaN();
  }

  @Test
  void windowDropsOldSlicesOneAtATime() {
    // given 100 small values, then 100 large values 20 seconds later
    for (int i = 0; i < 100; i++) {
      reservoir.update(1_000);
    }
    clock.advance(Duration.ofSeconds(20));
    for (int i = 0; i < 100; i++) {
      reservoir.update(1_000_000);
    }

    // when the small values' slice leaves the window
    clock.advance(Duration.ofSeconds(45));

    // then only the large values remain
    Snapshot snapshot = reservoir.getSnapshot();
    assertThat(snapshot.size()).isEqualTo(100);
    assertThat(snapshot.getMin()).isGreaterThanOrEqualTo(990_000);
  }

  @Test
  void p99IsAccurateOnBimodalDistribution() {
    // given 97% fast calls around 10 ms and 3% slow calls around 500 ms
    SplittableRandom random = new SplittableRandom(42);
    long[] values = new long[200_000];
    for (int i = 0; i < values.length; i++) {
      boolean slow = random.nextDouble() < 0.03;
      double millis = slow ? 500 + random.nextDouble() * 100 : 10 + random.nextDouble() * 2;
      values[i] = (long) (millis * 1_000_000);
      reservoir.update(values[i]);
    }
    Arrays.sort(values);

    // when
    Snapshot snapshot = reservoir.getSnapshot();

    // then each percentile is within 1% of the exact one
    for (double quantile : new double[] {0.5, 0.9, 0.99, 0.999}) {
      double exact = values[(int) Math.ceil(quantile * values.length) - 1];
      assertThat(snapshot.getValue(quantile))
          .as("quantile %s", quantile)
          .isCloseTo(exact, within(exact * 0.01));
    }
    assertThat(snapshot.getValue(0.99)).isGreaterThan(500e6);
  }

  @Test
  void memoryStaysBoundedAtHighRate() {
    // given latencies spread from 1 microsecond to 10 seconds
    SplittableRandom random = new SplittableRandom(7);

    // when half a million values per second arrive for two whole windows
    long afterOneWindow = 0;
    for (int second = 0; second < 120; second++) {
      for (int i = 0; i < 500_000; i++) {
        reservoir.update(randomLatencyNanos(random));
      }
      clock.advance(Duration.ofSeconds(1));
      if (second == 59) {
        reservoir.getSnapshot();
        afterOneWindow = reservoir.estimatedFootprintBytes();
      }
    }
    reservoir.getSnapshot();
    long afterTwoWindows = reservoir.estimatedFootprintBytes();

    // then twice the values took far less than twice the memory: only a rare larger value still
    // widens a histogram once the slices are filled
    assertThat(reservoir.getSnapshot().size()).isEqualTo(25_000_000);
    assertThat(afterTwoWindows).isLessThanOrEqualTo(afterOneWindow + afterOneWindow / 4);
    // six packed slices plus the recorder's two plain interval buffers of about 35 KB each
    assertThat(afterTwoWindows).isLessThan(192 * 1024);
  }

  @Test
  void concurrentWritersFinishWhileSnapshotsRun() throws Exception {
    // given: four writers and a reader that snapshots every millisecond on the real clock
    int writers = 4;
    int valuesPerWriter = 200_000;
    SlidingWindowReservoir shared = new SlidingWindowReservoir(WINDOW, 6, Clock.defaultClock());
    ExecutorService threads =
        Executors.newFixedThreadPool(
            writers + 1,
            task -> {
              Thread thread = new Thread(task, "reservoir-test");
              thread.setDaemon(true);
              return thread;
            });
    AtomicBoolean writing = new AtomicBoolean(true);
    try {
      Future<?> reader =
          threads.submit(
              () -> {
                while (writing.get()) {
                  shared.getSnapshot();
                  Thread.sleep(1);
                }
                return null;
              });

      // when: each writer records values from 1 to about 10^13, so the histograms keep growing
      List<Future<?>> writes = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        SplittableRandom random = new SplittableRandom(w);
        writes.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < valuesPerWriter; i++) {
                    shared.update((long) Math.exp(random.nextDouble() * 30));
                  }
                }));
      }

      // then: every writer ends, and every value is in the window
      for (Future<?> write : writes) {
        write.get(30, TimeUnit.SECONDS);
      }
      writing.set(false);
      reader.get(10, TimeUnit.SECONDS);
      assertThat(shared.getSnapshot().size()).isEqualTo(writers * valuesPerWriter);
    } finally {
      writing.set(false);
      threads.shutdownNow();
    }
  }

  @Test
  void negativeValuesRecordAsZero() {
    // when
    reservoir.update(-5);

    // then
    assertThat(reservoir.getSnapshot().getMin()).isZero();
  }

  @Test
  void constructorRejectsInvalidWindow() {
    assertThatThrownBy(() -> new SlidingWindowReservoir(Duration.ofMillis(10), 6, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("window must be at least 1s");
    assertThatThrownBy(() -> new SlidingWindowReservoir(WINDOW, 1, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sliceCount must be in 2..60");
  }

  private static long randomLatencyNanos(SplittableRandom random) {
    double exponent = 3 + random.nextDouble() * 7;
    return (long) Math.pow(10, exponent);
  }
}
