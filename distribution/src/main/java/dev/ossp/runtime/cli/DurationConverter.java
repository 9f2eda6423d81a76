package dev.ossp.runtime.cli;

import dev.ossp.runtime.config.ConfigType;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations as the configuration does: {@code 250ms}, {@code 5s}, {@code 2m}, {@code PT5S}.
 * Zero is valid and negative durations are rejected.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    Duration duration = parse(value);
    if (duration.isNegative()) {
      throw new TypeConversionException("'" + value + "' is negative; give a positive duration");
    }
    return duration;
  }

  private static Duration parse(String value) {
    try {
      return ConfigType.DURATION.convert(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("'" + value + "' is not a duration: " + e.getMessage());
    }
  }

  /** A converter for timeouts that rejects zero as well, because the JDK HTTP client rejects it. */
  public static final class Positive implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Duration duration = parse(value);
      if (duration.isZero() || duration.isNegative()) {
        throw new TypeConversionException(
            "'" + value + "' is not valid: the duration must be positive, for example 5s");
      }
      return duration;
    }
  }
}
