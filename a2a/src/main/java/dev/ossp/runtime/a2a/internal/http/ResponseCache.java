package dev.ossp.runtime.a2a.internal.http;

import dev.ossp.runtime.cache.CacheSettings;
import dev.ossp.runtime.cache.CacheStrategy;
import dev.ossp.runtime.cache.RuntimeCache;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Caches successful GET responses (agent cards, GET routes) as HTTP caching allows: an entry is
 * fresh for its {@code Cache-Control: max-age}, and a stale entry with an {@code ETag} is
 * revalidated with {@code If-None-Match}, a 304 refreshing it. Responses with {@code no-store},
 * {@code Vary: *} or a {@code Vary} on headers other than {@code Accept}, {@code Accept-Encoding}
 * and {@code A2A-Version}, and responses with neither {@code max-age} nor {@code ETag}, are not
 * stored; errors never are. {@code Expires} and heuristic freshness are not used. Entries live at
 * most {@link ClientSettings#cacheMaxTtl()}. Thread-safe.
 */
public final class ResponseCache {
  private static final Set<String> KEYED_HEADERS =
      Set.of("accept", "accept-encoding", "a2a-version");

  private final RuntimeCache<String, Entry> cache;
  private final Duration maxTtl;

  /** Creates the cache through {@code strategy}. */
  public ResponseCache(CacheStrategy strategy, long maxSize, Duration maxTtl) {
    Objects.requireNonNull(strategy, "strategy");
    this.maxTtl = Objects.requireNonNull(maxTtl, "maxTtl");
    this.cache = strategy.create(new CacheSettings("a2a.responses", maxSize, maxTtl));
  }

  /** A stored response and its freshness. */
  public record Entry(
      int status,
      Map<String, List<String>> headers,
      byte[] body,
      URI uri,
      long storedAtNanos,
      long maxAgeNanos,
      @Nullable String etag) {
    /** Returns whether the entry may be served without asking the server. */
    public boolean fresh(long nowNanos) {
      return nowNanos - storedAtNanos < maxAgeNanos;
    }

    Entry refreshed(long nowNanos, long newMaxAgeNanos) {
      return new Entry(status, headers, body, uri, nowNanos, newMaxAgeNanos, etag);
    }
  }

  /** Returns the cache key of a GET of {@code uri} on {@code target} with these headers. */
  public static String key(
      String target, URI uri, @Nullable String accept, @Nullable String a2aVersion) {
    return target
        + " "
        + uri
        + " a="
        + (accept == null ? "" : accept)
        + " v="
        + (a2aVersion == null ? "" : a2aVersion);
  }

  /** Returns the entry for {@code key}. */
  public Optional<Entry> find(String key) {
    return Optional.ofNullable(cache.getIfPresent(key));
  }

  /** Stores a 2xx response when its headers allow it; returns whether it was stored. */
  public boolean store(
      String key,
      int status,
      Map<String, List<String>> headers,
      byte[] body,
      URI uri,
      long nowNanos) {
    if (status < 200 || status > 299) {
      return false;
    }
    Optional<Long> maxAge = freshnessNanos(headers);
    String etag = first(headers, "ETag");
    if (maxAge.isEmpty() || (maxAge.get() == 0 && etag == null)) {
      return false;
    }
    cache.put(key, new Entry(status, headers, body.clone(), uri, nowNanos, maxAge.get(), etag));
    return true;
  }

  /** Refreshes {@code entry} after a 304 with {@code headers}. */
  public Entry revalidated(
      String key, Entry entry, Map<String, List<String>> headers, long nowNanos) {
    long maxAge = freshnessNanos(headers).orElse(entry.maxAgeNanos());
    Entry refreshed = entry.refreshed(nowNanos, maxAge);
    cache.put(key, refreshed);
    return refreshed;
  }

  /** Removes every entry. */
  public void clear() {
    cache.invalidateAll();
  }

  /** The number of entries, approximately. */
  public long size() {
    return cache.estimatedSize();
  }

  /**
   * Returns how long a response stays fresh by its headers: empty when it must not be stored, zero
   * when it must be revalidated before each use.
   */
  private Optional<Long> freshnessNanos(Map<String, List<String>> headers) {
    String vary = first(headers, "Vary");
    if (vary != null) {
      for (String name : vary.split(",")) {
        String trimmed = name.strip().toLowerCase(Locale.ROOT);
        if (trimmed.equals("*") || (!trimmed.isEmpty() && !KEYED_HEADERS.contains(trimmed))) {
          return Optional.empty();
        }
      }
    }
    String cacheControl = first(headers, "Cache-Control");
    if (cacheControl == null) {
      return first(headers, "ETag") == null ? Optional.empty() : Optional.of(0L);
    }
    long maxAge = -1;
    boolean noCache = false;
    for (String directive : cacheControl.split(",")) {
      String text = directive.strip().toLowerCase(Locale.ROOT);
      if (text.equals("no-store")) {
        return Optional.empty();
      }
      if (text.equals("no-cache") || text.startsWith("no-cache=")) {
        noCache = true;
      } else if (text.startsWith("max-age=")) {
        try {
          maxAge = Long.parseLong(text.substring("max-age=".length()).replace("\"", ""));
        } catch (NumberFormatException e) {
          maxAge = 0;
        }
      }
    }
    if (noCache || maxAge < 0) {
      return first(headers, "ETag") == null && !noCache ? Optional.empty() : Optional.of(0L);
    }
    long seconds = Math.min(maxAge, maxTtl.getSeconds());
    long capped = Math.min(Duration.ofSeconds(seconds).toNanos(), maxTtl.toNanos());
    return Optional.of(capped);
  }

  private static @Nullable String first(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
        return header.getValue().get(0);
      }
    }
    return null;
  }
}
