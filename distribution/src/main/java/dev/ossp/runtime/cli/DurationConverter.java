package dev.ossp.runtime.cli;

import dev.ossp.runtime.config.ConfigType;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations as the configuration does: {@code 250ms}, {@code 5s}, {@code 2m}, {@code PT5S}.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    try {
      Duration duration = ConfigType.DURATION.convert(value);
      if (duration.isNegative()) {
        throw new TypeConversionException("'" + value + "' is negative; give a positive duration");
      }
      return duration;
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("'" + value + "' is not a duration: " + e.getMessage());
    }
  }
}
