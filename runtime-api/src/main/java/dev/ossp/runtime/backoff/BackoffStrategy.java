package dev.ossp.runtime.backoff;

import dev.ossp.runtime.spi.Strategy;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Computes the delay before a retry or reconnect. Built-ins: {@code fixed}, {@code linear}, {@code
 * exponential}, {@code exponential-full-jitter}, {@code equal-jitter} and {@code
 * decorrelated-jitter} (the default).
 *
 * <p>Strategies are stateless: what a strategy needs from earlier attempts arrives as arguments, so
 * one instance serves every caller. Implementations must return a delay in {@code
 * 0..settings.maxDelay()} for every {@code retry} from 1 to {@link Integer#MAX_VALUE}, never
 * overflow, and take randomness only from {@code random}, so a seeded generator makes them
 * reproducible.
 */
public interface BackoffStrategy extends Strategy {
  /**
   * Returns the delay before retry number {@code retry}.
   *
   * @param retry 1 for the first retry (the second attempt), 2 for the next, and so on
   * @param previousDelay the delay this strategy returned for the previous retry, or zero before
   *     the first
   * @param settings base delay, multiplier, cap and jitter
   * @param random the only source of randomness
   */
  Duration delay(
      int retry, Duration previousDelay, BackoffSettings settings, RandomGenerator random);
}
