package dev.ossp.runtime.resilience;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses the HTTP {@code Retry-After} header (RFC 9110, section 10.2.3): either a number of seconds
 * or an HTTP date. Clients put the result in {@link
 * dev.ossp.runtime.error.ErrorContext.Builder#retryAfter(Duration)}, where breakers and retry
 * policies read it.
 */
public final class RetryAfter {
  private RetryAfter() {}

  /**
   * Returns the delay the header requests: its seconds, or the time from {@code now} until its date
   * (zero for a date in the past). Returns empty for a value that is neither.
   *
   * @param headerValue the header's value, such as {@code 120} or {@code Wed, 21 Oct 2015 07:28:00
   *     GMT}
   * @param now the current time, from the caller's clock
   */
  public static Optional<Duration> parse(String headerValue, Instant now) {
    Objects.requireNonNull(headerValue, "headerValue");
    Objects.requireNonNull(now, "now");

    String text = headerValue.strip();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (text.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
      } catch (NumberFormatException e) {
        // More digits than a long holds: far beyond any sensible wait, so treat it as invalid.
        return Optional.empty();
      }
    }
    try {
      Instant date = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(date.isAfter(now) ? Duration.between(now, date) : Duration.ZERO);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
