package dev.ossp.runtime.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class UnitsTest {
  @Test
  void timeScoreConvertsToNanos() {
    assertThat(Units.nanosPerOp(2.5, "us/op", 1)).isCloseTo(2_500, offset(1e-9));
    assertThat(Units.nanosPerOp(3, "ms/op", 4)).isCloseTo(3_000_000, offset(1e-6));
  }

  @Test
  void throughputCountsAllThreads() {
    // 16 threads together complete 0.032 operations per microsecond: 32,000 per second
    assertThat(Units.opsPerSecond(0.032, "ops/us", 16)).isCloseTo(32_000, offset(1e-6));
    // so one thread's operation takes 16 / 32,000 s = 500 µs
    assertThat(Units.nanosPerOp(0.032, "ops/us", 16)).isCloseTo(500_000, offset(1e-3));
  }

  @Test
  void averageTimeGivesThroughputOfAllThreads() {
    assertThat(Units.opsPerSecond(200, "ns/op", 2)).isCloseTo(10_000_000, offset(1e-3));
  }

  @Test
  void unknownTimeUnitIsRejected() {
    assertThatThrownBy(() -> Units.nanosPerOp(1, "fortnights/op", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fortnights");
  }

  @Test
  void durationPicksLargestUnit() {
    assertThat(Units.duration(950)).isEqualTo("950 ns");
    assertThat(Units.duration(12_340)).isEqualTo("12.3 µs");
    assertThat(Units.duration(2_500_000)).isEqualTo("2.50 ms");
  }

  @Test
  void smallRatioKeepsTwoSignificantDigits() {
    assertThat(Units.ratio(0.00103)).isEqualTo("0.0010×");
    assertThat(Units.ratio(0.68)).isEqualTo("0.68×");
    assertThat(Units.ratio(5.1)).isEqualTo("5.10×");
    assertThat(Units.ratio(Double.NaN)).isEqualTo("n/a");
  }

  @Test
  void smallScoreKeepsSignificantDigits() {
    assertThat(Units.number(0.0129)).isEqualTo("0.013");
    assertThat(Units.number(12_867.4)).isEqualTo("12,867");
    assertThat(Units.number(0)).isEqualTo("0");
  }
}
