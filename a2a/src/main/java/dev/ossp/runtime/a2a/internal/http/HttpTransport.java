package dev.ossp.runtime.a2a.internal.http;

import dev.ossp.runtime.pool.PoolController;
import dev.ossp.runtime.pool.PoolSettings;
import dev.ossp.runtime.pool.PoolingStrategy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.ConnectionKeepAliveStrategy;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.GzipCompressingEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HeaderElement;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.MessageSupport;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.pool.PoolStats;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared HTTP transport: one classic Apache HttpClient 5 over one pooling connection manager.
 *
 * <p>The classic (blocking) client was chosen over the async one because calls are request-reply on
 * the caller's thread (batches and health probes run on a bounded executor), and it was the faster
 * of the two on the loopback round trip this module measures in its JMH benchmark.
 *
 * <ul>
 *   <li>Pool limits come from a {@link PoolController}; every lease is timed and waits are reported
 *       to it, and a background task evicts expired and idle connections and applies changed
 *       per-route limits every {@link ClientSettings#poolEvaluateInterval()}.
 *   <li>Idle connections are validated before reuse after {@link
 *       ClientSettings#validateAfterInactivity()}; a server's {@code Keep-Alive: timeout} is
 *       honored (minus a safety margin), else {@link ClientSettings#defaultKeepAlive()} applies.
 *   <li>gzip and deflate responses are decoded once by HttpClient, which removes {@code
 *       Content-Encoding} and {@code Content-Length} so the headers describe the decoded body.
 *   <li>Redirects are not followed and HttpClient's own retries are off: the agent client decides
 *       about every retry.
 *   <li>Every exchange is aborted at its deadline by the {@link DeadlineTimer}.
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class HttpTransport implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
  private static final long KEEP_ALIVE_MARGIN_MILLIS = 500;

  private final ClientSettings settings;
  private final PoolingHttpClientConnectionManager pool;
  private final PoolController controller;
  private final CloseableHttpClient client;
  private final ScheduledExecutorService scheduler;
  private final DeadlineTimer deadlines;
  private final ScheduledFuture<?> maintenance;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile @Nullable LastRequestConfig lastRequestConfig;

  /**
   * Creates the transport.
   *
   * @param settings timeouts, pool limits and outbound rules
   * @param pooling the strategy that creates the pool controller, or null for fixed limits
   * @param dnsResolver the resolver to check and use; {@code SystemDefaultDnsResolver} in
   *     production
   */
  public HttpTransport(
      ClientSettings settings, @Nullable PoolingStrategy pooling, DnsResolver dnsResolver) {
    this.settings = Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(dnsResolver, "dnsResolver");

    PoolSettings poolSettings =
        new PoolSettings(
            "a2a.http",
            settings.poolMaxTotal(),
            settings.poolMaxPerRoute(),
            settings.poolMinPerRoute(),
            settings.poolMaxPerRouteCeiling(),
            settings.poolIdleTimeout());
    this.controller =
        pooling == null ? new StaticPoolController(poolSettings) : pooling.create(poolSettings);
    this.pool =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setDnsResolver(new GuardedDnsResolver(dnsResolver, settings.outboundPolicy()))
            .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.STRICT)
            .setConnPoolPolicy(PoolReusePolicy.LIFO)
            .setMaxConnTotal(controller.maxTotal())
            .setMaxConnPerRoute(controller.maxPerKey("*"))
            .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).build())
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(timeout(settings.connectTimeout()))
                    .setSocketTimeout(timeout(settings.responseTimeout()))
                    .setValidateAfterInactivity(
                        TimeValue.ofMilliseconds(settings.validateAfterInactivity().toMillis()))
                    .build())
            .build();
    this.client =
        HttpClients.custom()
            .setConnectionManager(new TimedConnectionManager(pool, controller))
            .setKeepAliveStrategy(keepAliveStrategy(settings.defaultKeepAlive()))
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setConnectionRequestTimeout(timeout(settings.leaseTimeout()))
                    .setResponseTimeout(timeout(settings.responseTimeout()))
                    .setRedirectsEnabled(false)
                    .setAuthenticationEnabled(false)
                    .build())
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableAuthCaching()
            .build();
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "ossp-a2a-http-timer");
              thread.setDaemon(true);
              return thread;
            });
    executor.setRemoveOnCancelPolicy(true);
    this.scheduler = Executors.unconfigurableScheduledExecutorService(executor);
    this.deadlines = new DeadlineTimer("ossp-a2a-http-deadlines");
    controller.addListener((key, oldLimit, newLimit, reason) -> applyRouteLimit(key, newLimit));
    long interval = settings.poolEvaluateInterval().toMillis();
    this.maintenance =
        scheduler.scheduleWithFixedDelay(this::maintain, interval, interval, TimeUnit.MILLISECONDS);
  }

  private static ConnectionKeepAliveStrategy keepAliveStrategy(Duration fallback) {
    return (HttpResponse response, org.apache.hc.core5.http.protocol.HttpContext context) -> {
      var iterator = MessageSupport.iterate(response, "Keep-Alive");
      while (iterator.hasNext()) {
        HeaderElement element = iterator.next();
        if ("timeout".equalsIgnoreCase(element.getName()) && element.getValue() != null) {
          try {
            long seconds = Long.parseLong(element.getValue().strip());
            long millis = Math.max(0, seconds * 1000 - KEEP_ALIVE_MARGIN_MILLIS);
            return TimeValue.ofMilliseconds(Math.min(millis, fallback.toMillis()));
          } catch (NumberFormatException e) {
            LOG.debug("ignoring Keep-Alive timeout '{}'", element.getValue());
          }
        }
      }
      return TimeValue.ofMilliseconds(fallback.toMillis());
    };
  }

  /**
   * Sends the exchange and returns the response with its body unread.
   *
   * @throws IOException when the exchange fails; {@link #deadlineFired} tells whether the deadline
   *     aborted it
   */
  public OpenExchange open(ExchangeSpec spec, AtomicBoolean deadlineFired) throws IOException {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(deadlineFired, "deadlineFired");

    HttpUriRequestBase request = new HttpUriRequestBase(spec.method().name(), spec.uri());
    for (Map.Entry<String, String> header : spec.headers()) {
      request.addHeader(header.getKey(), header.getValue());
    }
    if (spec.body() != null) {
      ContentType type =
          spec.contentType() == null
              ? ContentType.APPLICATION_JSON
              : ContentType.parse(spec.contentType());
      ByteArrayEntity entity = new ByteArrayEntity(spec.body(), type);
      request.setEntity(spec.compress() ? new GzipCompressingEntity(entity) : entity);
    }
    long remaining = spec.deadlineNanos() - System.nanoTime();
    request.setConfig(
        requestConfig(
            cap(spec.leaseTimeout(), remaining),
            cap(spec.connectTimeout(), remaining),
            cap(spec.responseTimeout(), remaining)));
    DeadlineTimer.Deadline deadline =
        deadlines.add(
            spec.deadlineNanos(),
            () -> {
              deadlineFired.set(true);
              request.cancel();
            });
    try {
      ClassicHttpResponse response = client.executeOpen(null, request, HttpClientContext.create());
      return new OpenExchange(request, response, spec.uri(), deadline);
    } catch (IOException | RuntimeException e) {
      deadline.cancel();
      throw e;
    }
  }

  /**
   * Returns the request config with these timeouts. The last one built is reused while calls keep
   * the same timeouts, which they do unless a deadline is close or a call sets its own.
   */
  @SuppressWarnings("deprecation") // The per-request connect timeout is still honored in 5.6.
  private RequestConfig requestConfig(Duration lease, Duration connect, Duration response) {
    LastRequestConfig last = lastRequestConfig;
    if (last != null
        && last.lease().equals(lease)
        && last.connect().equals(connect)
        && last.response().equals(response)) {
      return last.config();
    }
    RequestConfig config =
        RequestConfig.custom()
            .setConnectionRequestTimeout(timeout(lease))
            .setConnectTimeout(timeout(connect))
            .setResponseTimeout(timeout(response))
            .setRedirectsEnabled(false)
            .setAuthenticationEnabled(false)
            .build();
    lastRequestConfig = new LastRequestConfig(lease, connect, response, config);
    return config;
  }

  /**
   * A request config and its timeouts. {@link RequestConfig} is immutable, so requests share it.
   */
  private record LastRequestConfig(
      Duration lease, Duration connect, Duration response, RequestConfig config) {}

  private static Duration cap(Duration value, long remainingNanos) {
    long nanos = Math.max(1_000_000L, remainingNanos);
    return value.toNanos() <= nanos ? value : Duration.ofNanos(nanos);
  }

  private static Timeout timeout(Duration duration) {
    return Timeout.ofMilliseconds(Math.max(1, duration.toMillis()));
  }

  /** Connections leased now. */
  public int leased() {
    return pool.getTotalStats().getLeased();
  }

  /** Idle pooled connections now. */
  public int available() {
    return pool.getTotalStats().getAvailable();
  }

  /** Requests waiting for a connection now. */
  public int pending() {
    return pool.getTotalStats().getPending();
  }

  /**
   * Returns one snapshot of the whole pool: leased, available, pending and the maximum total, read
   * together so they are consistent with each other.
   */
  public PoolStats totalStats() {
    return pool.getTotalStats();
  }

  /**
   * Returns the number of open exchanges whose deadline has not fired. Closing an exchange cancels
   * its deadline. Counting walks the pending deadlines, so it takes time linear in them.
   */
  public int pendingDeadlines() {
    return deadlines.pending();
  }

  /** The limits in force. */
  public PoolController controller() {
    return controller;
  }

  /** Returns the per-route limit in force for {@code key} ({@code scheme://host:port}). */
  public int routeLimit(String key) {
    for (HttpRoute route : pool.getRoutes()) {
      if (RouteKeys.of(route).equals(key)) {
        return pool.getMaxPerRoute(route);
      }
    }
    return pool.getDefaultMaxPerRoute();
  }

  /** The settings. */
  public ClientSettings settings() {
    return settings;
  }

  /** The scheduler that runs the pool maintenance, shared with the client's other timers. */
  public ScheduledExecutorService scheduler() {
    return scheduler;
  }

  /** Evicts expired and idle connections, reports usage and re-evaluates limits; also scheduled. */
  public void maintain() {
    try {
      pool.closeExpired();
      pool.closeIdle(TimeValue.ofMilliseconds(controller.idleTimeout().toMillis()));
      for (HttpRoute route : pool.getRoutes()) {
        PoolStats stats = pool.getStats(route);
        controller.recordUsage(RouteKeys.of(route), stats.getLeased(), stats.getAvailable());
      }
      controller.evaluate(Instant.now());
    } catch (RuntimeException e) {
      LOG.warn(
          "A2A connection pool maintenance failed; it runs again in {}",
          settings.poolEvaluateInterval(),
          e);
    }
  }

  private void applyRouteLimit(String key, int limit) {
    for (HttpRoute route : pool.getRoutes()) {
      if (RouteKeys.of(route).equals(key)) {
        pool.setMaxPerRoute(route, limit);
      }
    }
  }

  /** Closes every connection and stops the timers; idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    maintenance.cancel(false);
    scheduler.shutdownNow();
    deadlines.close();
    client.close(CloseMode.IMMEDIATE);
    pool.close(CloseMode.IMMEDIATE);
    LOG.debug("A2A HTTP transport closed");
  }
}
