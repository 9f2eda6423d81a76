package dev.ossp.runtime.core.internal.node;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Request ids: an incoming {@code X-Request-Id} when it is safe to echo, else a new UUID. */
public final class RequestIds {
  /** The header that carries the request id, in both directions. */
  public static final String HEADER = "X-Request-Id";

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private RequestIds() {}

  /** Returns {@code incoming} if it matches {@code [A-Za-z0-9._-]{1,64}}, else a random UUID. */
  public static String from(@Nullable String incoming) {
    if (incoming != null && SAFE.matcher(incoming).matches()) {
      return incoming;
    }
    return UUID.randomUUID().toString();
  }
}
