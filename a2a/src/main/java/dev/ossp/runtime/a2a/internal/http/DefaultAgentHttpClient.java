package dev.ossp.runtime.a2a.internal.http;

import dev.ossp.runtime.a2a.AgentHttpClient;
import dev.ossp.runtime.a2a.AgentHttpException;
import dev.ossp.runtime.a2a.AgentOutcome;
import dev.ossp.runtime.a2a.AgentRequest;
import dev.ossp.runtime.a2a.AgentResponse;
import dev.ossp.runtime.a2a.CallOptions;
import dev.ossp.runtime.a2a.HttpMethod;
import dev.ossp.runtime.auth.AuthProvider;
import dev.ossp.runtime.backoff.BackoffStrategy;
import dev.ossp.runtime.discovery.AgentDirectory;
import dev.ossp.runtime.discovery.AgentInterface;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.error.CircuitOpenException;
import dev.ossp.runtime.error.ErrorContext;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.metrics.MetricCatalog;
import dev.ossp.runtime.metrics.Metrics;
import dev.ossp.runtime.resilience.CircuitBreaker;
import dev.ossp.runtime.resilience.CircuitBreakerRegistry;
import dev.ossp.runtime.resilience.Failures;
import dev.ossp.runtime.resilience.RetryBudget;
import dev.ossp.runtime.resilience.RetryConfig;
import dev.ossp.runtime.resilience.RetryRegistry;
import dev.ossp.runtime.urn.AgentUrn;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link AgentHttpClient}: resolves targets, merges headers, applies auth, and runs every call
 * through the target's circuit breaker and the retry rules of {@link AgentHttpClient}, within the
 * call's deadline, over the shared {@link HttpTransport}.
 *
 * <p>Retries follow the target's {@link RetryConfig} from the retry registry ({@code
 * configFor(target)}: attempts, backoff strategy and delays, retry-after handling, budget), but the
 * loop runs here: whether a failure may be retried depends on the call's own idempotency, and no
 * wait may end after the call's deadline, which a policy shared by every call of a target cannot
 * know. Each attempt acquires a breaker permission; network errors, timeouts, 429 and 5xx are
 * recorded as failures, other answers as successes.
 *
 * <p>Thread-safe.
 */
public final class DefaultAgentHttpClient implements AgentHttpClient, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultAgentHttpClient.class);
  private static final int ERROR_BODY_BYTES = 64 * 1024;

  /** The margin before a deadline within which a timeout counts as the deadline. */
  private static final long DEADLINE_SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private static final int ROUTE_URLS = 1024;
  private static final List<String> FORBIDDEN_HEADERS =
      List.of(
          "host",
          "content-length",
          "transfer-encoding",
          "connection",
          "content-encoding",
          "keep-alive",
          "upgrade",
          "te",
          "trailer");

  private final HttpTransport transport;
  private final ClientSettings settings;
  private final @Nullable AgentDirectory directory;
  private final @Nullable CircuitBreakerRegistry breakers;
  private final @Nullable RetryRegistry retries;
  private final Function<String, Optional<AuthProvider>> authProviders;
  private final Function<String, Optional<BackoffStrategy>> backoffStrategies;
  private final @Nullable ResponseCache cache;
  private final Metrics metrics;
  private final Clock clock;
  private final Sleeper sleeper;
  private final @Nullable String delegationAgent;
  private final String userAgent;
  private final BatchRunner batches;
  private final Map<String, TargetMeters> meters = new ConcurrentHashMap<>();
  private final RouteUrls routeUrls = new RouteUrls(ROUTE_URLS);

  private DefaultAgentHttpClient(Builder builder) {
    this.transport = Objects.requireNonNull(builder.transport, "transport");
    this.settings = transport.settings();
    this.directory = builder.directory;
    this.breakers = builder.breakers;
    this.retries = builder.retries;
    this.authProviders = builder.authProviders;
    this.backoffStrategies = builder.backoffStrategies;
    this.cache = builder.cache;
    this.metrics = builder.metrics;
    this.clock = builder.clock;
    this.sleeper = builder.sleeper;
    this.delegationAgent = builder.delegationAgent;
    this.userAgent = "ossp-runtime/" + A2aVersion.VERSION;
    this.batches = new BatchRunner(this, settings.batchParallelism());
  }

  /** Returns a builder over {@code transport}. */
  public static Builder builder(HttpTransport transport) {
    return new Builder(transport);
  }

  // ---- Public API ----------------------------------------------------------------------------

  @Override
  public AgentResponse request(AgentUrn urn, String route, CallOptions options) {
    Objects.requireNonNull(urn, "urn");
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(options, "options");

    AgentRecord agent = resolve(urn);
    List<URI> candidates = new ArrayList<>();
    for (AgentInterface endpoint : agent.interfaces()) {
      if (!endpoint.binding().equalsIgnoreCase("GRPC")) {
        candidates.add(routeUrls.resolve(endpoint.url(), route, agent.urn().toString()));
      }
    }
    if (candidates.isEmpty()) {
      throw new OsspException(
          ErrorKind.VALIDATION,
          "agent " + agent.urn() + " has no HTTP endpoint; its interfaces are all gRPC",
          null,
          ErrorContext.builder().target(agent.urn().toString()).build(),
          false);
    }
    CallTarget target =
        new CallTarget(
            agent.urn().toString(), candidates, overrideFor(agent.urn()), agent.securitySchemes());
    return execute(target, options);
  }

  @Override
  public AgentResponse request(URI url, CallOptions options) {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(options, "options");

    return execute(targetForUrl(url), options);
  }

  @Override
  public List<AgentOutcome> requestAll(List<AgentRequest> requests) {
    return batches.run(requests, settings.batchParallelism());
  }

  @Override
  public List<AgentOutcome> requestAll(List<AgentRequest> requests, int parallelism) {
    if (parallelism < 1 || parallelism > 256) {
      throw new IllegalArgumentException("parallelism must be in 1..256, was " + parallelism);
    }
    return batches.run(requests, parallelism);
  }

  // ---- For the A2A client --------------------------------------------------------------------

  /** Returns the registered agent for {@code urn}, through discovery. */
  public AgentRecord resolve(AgentUrn urn) {
    Objects.requireNonNull(urn, "urn");

    if (directory == null) {
      throw new OsspException(
          ErrorKind.NOT_FOUND,
          "cannot resolve "
              + urn
              + ": no agent directory is installed; add the discovery component or call by URL",
          null,
          ErrorContext.builder().target(urn.toString()).build(),
          false);
    }
    return directory
        .find(urn)
        .orElseThrow(
            () ->
                new OsspException(
                    ErrorKind.NOT_FOUND,
                    "no registered agent matches " + urn,
                    null,
                    ErrorContext.builder().target(urn.toString()).build(),
                    false));
  }

  /** Returns the call target of a URL: its origin names the breaker and metrics. */
  public CallTarget targetForUrl(URI url) {
    settings.outboundPolicy().checkUrl(url, url.getHost() == null ? "?" : url.getHost());
    String key = RouteKeys.of(url);
    return new CallTarget(key, List.of(url), overrideFor(url.toString()), List.of());
  }

  /** Returns the configured target for the agent {@code urn}, if one matches. */
  public @Nullable TargetOverride overrideFor(AgentUrn urn) {
    for (TargetOverride target : settings.targets()) {
      if (target.matches(urn)) {
        return target;
      }
    }
    return null;
  }

  /** Returns the configured target for the URL {@code url}, if one matches. */
  public @Nullable TargetOverride overrideFor(String url) {
    for (TargetOverride target : settings.targets()) {
      if (target.matches(url)) {
        return target;
      }
    }
    return null;
  }

  /** The settings. */
  public ClientSettings settings() {
    return settings;
  }

  /** The transport. */
  public HttpTransport transport() {
    return transport;
  }

  /** The response cache, when enabled. */
  public Optional<ResponseCache> cache() {
    return Optional.ofNullable(cache);
  }

  /** Returns the circuit breaker registry, or empty when the resilience component is absent. */
  public Optional<CircuitBreakerRegistry> breakers() {
    return Optional.ofNullable(breakers);
  }

  /**
   * Returns the keys of the targets called so far (agent URNs, or origins of calls by URL), which
   * also name their circuit breakers. The set is a live, unmodifiable view.
   */
  public Set<String> targets() {
    return Collections.unmodifiableSet(meters.keySet());
  }

  /** Runs a buffered call: the response body is read in full; non-2xx statuses throw. */
  public AgentResponse execute(CallTarget target, CallOptions options) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(options, "options");

    boolean useCache = cache != null && options.method() == HttpMethod.GET && options.cacheable();
    if (!useCache) {
      return run(target, options, new BufferedHandler(null, null), false);
    }
    String cacheKey =
        ResponseCache.key(
            target.key(),
            target.candidates().get(0),
            options.header("Accept").orElse(null),
            options.header("A2A-Version").orElse(null));
    ResponseCache.Entry entry = cache.find(cacheKey).orElse(null);
    long now = System.nanoTime();
    if (entry != null && entry.fresh(now)) {
      LOG.debug("answered GET {} on {} from the response cache", entry.uri(), target.key());
      TargetMeters meter = meterOf(target.key());
      meter.recordCall(MetricCatalog.OUTCOME_SUCCESS, TargetMeters.statusClass(entry.status()), 0);
      return fromCache(entry, options, 1, Duration.ZERO);
    }
    CallOptions effective = options;
    boolean conditional = false;
    if (entry != null && entry.etag() != null && options.header("If-None-Match").isEmpty()) {
      effective = options.toBuilder().header("If-None-Match", entry.etag()).build();
      conditional = true;
    }
    return run(
        target, effective, new BufferedHandler(cacheKey, conditional ? entry : null), conditional);
  }

  /**
   * Runs a call whose successful exchange {@code handler} turns into the result, for example by
   * taking over the open stream. Non-2xx statuses throw.
   */
  public <T> T execute(CallTarget target, CallOptions options, ExchangeHandler<T> handler) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(handler, "handler");

    return run(target, options, handler, false);
  }

  /** Returns the deadline of a call to {@code target} with {@code options}. */
  public Duration deadlineOf(CallTarget target, CallOptions options) {
    TargetOverride override = target.override();
    return options
        .deadline()
        .orElse(
            override != null && override.deadline() != null
                ? override.deadline()
                : settings.deadline());
  }

  // ---- The attempt loop ----------------------------------------------------------------------

  private <T> T run(
      CallTarget target, CallOptions options, ExchangeHandler<T> handler, boolean accept304) {
    long start = System.nanoTime();
    Duration deadline = deadlineOf(target, options);
    long deadlineNanos = start + deadline.toNanos();
    String requestId = options.requestId().orElseGet(RequestIds::next);
    boolean idempotent = options.idempotent();
    TargetMeters meter = meterOf(target.key());
    CircuitBreaker breaker = breakers == null ? null : breakers.circuitBreaker(target.key());
    if (breaker != null) {
      meter.watch(breaker);
    }
    RetryConfig retryConfig =
        retries == null ? RetryConfig.defaults() : retries.configFor(target.key());
    RetryBudget budget = null;
    if (retries != null && retryConfig.budgetEnabled()) {
      budget = retries.budget(retryConfig.budgetName().orElse(target.key()));
      budget.recordCall();
    }
    int attempt = 0;
    Duration previousDelay = Duration.ZERO;
    OsspException last = null;
    while (true) {
      attempt++;
      if (System.nanoTime() >= deadlineNanos) {
        OsspException timeout = CallErrors.deadline(target.key(), requestId, attempt - 1, deadline);
        if (last != null) {
          timeout.addSuppressed(last);
        }
        throw finish(meter, start, timeout);
      }
      if (breaker != null) {
        try {
          breaker.acquirePermission();
        } catch (CircuitOpenException e) {
          throw finish(meter, start, last != null ? last : e);
        }
      }
      long attemptStart = System.nanoTime();
      OsspException failure;
      try {
        T result =
            attempt(
                target,
                options,
                handler,
                requestId,
                attempt,
                idempotent,
                deadlineNanos,
                accept304,
                start);
        if (breaker != null) {
          breaker.onSuccess(Duration.ofNanos(System.nanoTime() - attemptStart));
        }
        int status = result instanceof AgentResponse response ? response.status() : 200;
        meter.recordCall(
            MetricCatalog.OUTCOME_SUCCESS,
            TargetMeters.statusClass(status),
            System.nanoTime() - start);
        return result;
      } catch (OsspException e) {
        failure = e;
      } catch (RuntimeException e) {
        if (breaker != null) {
          breaker.releasePermission();
        }
        throw e;
      }
      recordOutcome(breaker, failure, System.nanoTime() - attemptStart);
      last = failure;
      if (!failure.retryable() || attempt >= retryConfig.maxAttempts()) {
        throw finish(meter, start, failure);
      }
      if (budget != null && !budget.tryAcquireRetry()) {
        LOG.debug("retry budget of {} is empty; not retrying request {}", target.key(), requestId);
        throw finish(meter, start, failure);
      }
      Duration delay = delayBefore(attempt, previousDelay, retryConfig, failure);
      previousDelay = delay;
      if (System.nanoTime() + delay.toNanos() >= deadlineNanos) {
        LOG.debug(
            "no retry of request {} to {}: the wait of {} ms would pass the deadline",
            requestId,
            target.key(),
            delay.toMillis());
        throw finish(meter, start, failure);
      }
      LOG.debug(
          "retrying request {} to {} in {} ms after attempt {} failed: {}",
          requestId,
          target.key(),
          delay.toMillis(),
          attempt,
          failure.kind().code());
      meter.recordRetry();
      try {
        if (!delay.isZero()) {
          sleeper.sleep(delay);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw finish(meter, start, CallErrors.cancelled(target.key(), requestId, attempt, e));
      }
    }
  }

  private static void recordOutcome(
      @Nullable CircuitBreaker breaker, OsspException failure, long nanos) {
    if (breaker == null) {
      return;
    }
    Duration duration = Duration.ofNanos(nanos);
    if (failure instanceof AgentHttpException http) {
      if (http.status() == 429 || http.status() >= 500) {
        breaker.onError(duration, failure);
      } else {
        breaker.onSuccess(duration);
      }
      return;
    }
    switch (failure.kind()) {
      case NETWORK, TIMEOUT -> breaker.onError(duration, failure);
      case PROTOCOL, SERVER -> breaker.onSuccess(duration);
      default -> breaker.releasePermission();
    }
  }

  private OsspException finish(TargetMeters meter, long start, OsspException error) {
    int status = error instanceof AgentHttpException http ? http.status() : 0;
    meter.recordCall(
        error.kind().code(), TargetMeters.statusClass(status), System.nanoTime() - start);
    return error;
  }

  private Duration delayBefore(
      int attempt, Duration previous, RetryConfig config, Throwable failure) {
    if (config.honorRetryAfter()) {
      Optional<Duration> hint = Failures.retryAfter(failure);
      if (hint.isPresent()) {
        return hint.get().compareTo(config.maxDelay()) > 0 ? config.maxDelay() : hint.get();
      }
    }
    if (config.backoffSettings().isEmpty()) {
      return Duration.ZERO;
    }
    Optional<BackoffStrategy> strategy = backoffStrategies.apply(config.backoff());
    if (strategy.isPresent()) {
      return strategy
          .get()
          .delay(attempt, previous, config.backoffSettings().get(), ThreadLocalRandom.current());
    }
    // No backoff strategy installed (no resilience module): exponential growth with full jitter.
    double exponential =
        config.baseDelay().toNanos() * Math.pow(config.multiplier(), attempt - 1.0);
    long cap =
        Math.min((long) Math.min(exponential, Long.MAX_VALUE / 2.0), config.maxDelay().toNanos());
    return Duration.ofNanos(cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1));
  }

  private <T> T attempt(
      CallTarget target,
      CallOptions options,
      ExchangeHandler<T> handler,
      String requestId,
      int attempt,
      boolean idempotent,
      long deadlineNanos,
      boolean accept304,
      long start) {
    TargetOverride override = target.override();
    List<URI> candidates = target.candidates();
    for (int index = 0; index < candidates.size(); index++) {
      URI url = candidates.get(index);
      ExchangeSpec spec = prepare(target, url, options, requestId, override, deadlineNanos);
      AtomicBoolean deadlineFired = new AtomicBoolean();
      OpenExchange exchange;
      try {
        exchange = transport.open(spec, deadlineFired);
      } catch (IOException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw CallErrors.cancelled(target.key(), requestId, attempt, e);
        }
        if (!deadlineFired.get() && CallErrors.connectFailure(e) && index + 1 < candidates.size()) {
          LOG.debug(
              "could not connect to endpoint {} of {} ({}); trying the next endpoint",
              index + 1,
              target.key(),
              e.getClass().getSimpleName());
          continue;
        }
        throw CallErrors.transport(
            e,
            target.key(),
            requestId,
            attempt,
            idempotent,
            deadlinePassed(e, deadlineFired, deadlineNanos),
            deadlineOf(target, options));
      }
      boolean handedOver = false;
      try {
        int status = exchange.status();
        if ((status >= 200 && status <= 299) || (accept304 && status == 304)) {
          T result = handler.handle(exchange, attempt, start, requestId);
          handedOver = handler.takesOverExchange();
          return result;
        }
        byte[] prefix = exchange.readPrefix(ERROR_BODY_BYTES);
        throw CallErrors.status(
            status,
            exchange.header("Retry-After"),
            prefix,
            target.key(),
            requestId,
            attempt,
            idempotent,
            clock.instant());
      } catch (IOException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw CallErrors.cancelled(target.key(), requestId, attempt, e);
        }
        if (e instanceof OpenExchange.BodyTooLargeException) {
          throw new OsspException(
              ErrorKind.PROTOCOL,
              target.key() + ": " + e.getMessage(),
              e,
              ErrorContext.builder()
                  .target(target.key())
                  .requestId(requestId)
                  .attempts(attempt)
                  .build(),
              false);
        }
        throw CallErrors.transport(
            e,
            target.key(),
            requestId,
            attempt,
            idempotent,
            deadlinePassed(e, deadlineFired, deadlineNanos),
            deadlineOf(target, options));
      } finally {
        if (!handedOver) {
          exchange.close();
        }
      }
    }
    throw new IllegalStateException("a call target always has a URL");
  }

  /**
   * Returns whether a failed exchange ended by its call's deadline: the deadline timer aborted it,
   * or a timeout ended it within a millisecond of the deadline. The transport caps timeouts to the
   * time left in whole milliseconds, so such a timeout races the timer and is the deadline too.
   */
  private static boolean deadlinePassed(
      IOException error, AtomicBoolean deadlineFired, long deadlineNanos) {
    return deadlineFired.get()
        || (error instanceof InterruptedIOException
            && deadlineNanos - System.nanoTime() < DEADLINE_SLACK_NANOS);
  }

  // ---- Request preparation -------------------------------------------------------------------

  private ExchangeSpec prepare(
      CallTarget target,
      URI url,
      CallOptions options,
      String requestId,
      @Nullable TargetOverride override,
      long deadlineNanos) {
    settings.outboundPolicy().checkUrl(url, target.key());
    PreparedRequest request = new PreparedRequest(url);
    request.setHeader("User-Agent", userAgent);
    request.setHeader("Accept", "application/json");
    request.setHeader("X-Request-Id", requestId);
    options.traceparent().ifPresent(value -> request.setHeader("traceparent", value));
    for (Map.Entry<String, String> header : options.headers().entrySet()) {
      if (FORBIDDEN_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        throw new OsspException(
            ErrorKind.VALIDATION,
            "header '" + header.getKey() + "' is managed by the HTTP client and cannot be set",
            null,
            ErrorContext.builder().target(target.key()).requestId(requestId).build(),
            false);
      }
      request.setHeader(header.getKey(), header.getValue());
    }
    applyAuth(target, options, override, request);
    for (Map.Entry<String, String> header : options.headers().entrySet()) {
      // A header the caller set explicitly wins over what an auth provider computed.
      request.setHeader(header.getKey(), header.getValue());
    }
    return new ExchangeSpec(
        request.finalUri(),
        options.method(),
        request.finalHeaders(),
        options.body().orElse(null),
        options.contentType().orElse(null),
        options.compressRequest(),
        pick(
            options.connectTimeout(),
            override == null ? null : override.connectTimeout(),
            settings.connectTimeout()),
        pick(
            options.responseTimeout(),
            override == null ? null : override.responseTimeout(),
            settings.responseTimeout()),
        pick(
            options.leaseTimeout(),
            override == null ? null : override.leaseTimeout(),
            settings.leaseTimeout()),
        deadlineNanos);
  }

  private static Duration pick(
      Optional<Duration> call, @Nullable Duration target, Duration fallback) {
    return call.orElse(target != null ? target : fallback);
  }

  private void applyAuth(
      CallTarget target,
      CallOptions options,
      @Nullable TargetOverride override,
      PreparedRequest request) {
    String providerName;
    if (options.authProvider().isPresent()) {
      providerName = options.authProvider().get();
    } else if (override != null && override.authProvider() != null) {
      providerName = override.authProvider();
    } else {
      providerName = settings.defaultAuthProvider();
    }
    if (!providerName.equals("none")) {
      Map<String, String> values = authSettings(target, options, override, providerName);
      providerOf(providerName, target)
          .authenticate(request, new dev.ossp.runtime.auth.AuthSettings(target.key(), values));
    }
    if (!options.delegationChain().isEmpty() && !providerName.equals("delegation")) {
      Map<String, String> delegation = new java.util.LinkedHashMap<>();
      delegation.put("chain", String.join(",", options.delegationChain()));
      if (delegationAgent != null) {
        delegation.put("agent", delegationAgent);
      }
      providerOf("delegation", target)
          .authenticate(request, new dev.ossp.runtime.auth.AuthSettings(target.key(), delegation));
    }
  }

  /**
   * Merges the auth settings of a call. A target that names its own provider brings its own
   * settings, else the target's settings overlay the defaults. The call's settings come last. For
   * {@code api-key}, the card's first apiKey scheme fills in the key's location and name.
   */
  private Map<String, String> authSettings(
      CallTarget target,
      CallOptions options,
      @Nullable TargetOverride override,
      String providerName) {
    Map<String, String> values = new java.util.LinkedHashMap<>();
    if (override != null && override.authProvider() != null) {
      values.putAll(override.authSettings());
    } else {
      values.putAll(settings.defaultAuthSettings());
      if (override != null) {
        values.putAll(override.authSettings());
      }
    }
    values.putAll(options.authSettings());
    if (providerName.equals("api-key")) {
      for (dev.ossp.runtime.discovery.SecurityScheme scheme : target.securitySchemes()) {
        if (scheme.type().equalsIgnoreCase("apiKey")) {
          if (scheme.location() != null) {
            values.putIfAbsent("in", scheme.location());
          }
          if (scheme.parameterName() != null) {
            values.putIfAbsent("name", scheme.parameterName());
          }
          break;
        }
      }
    }
    return values;
  }

  private AuthProvider providerOf(String name, CallTarget target) {
    return authProviders
        .apply(name)
        .orElseThrow(
            () ->
                new OsspException(
                    ErrorKind.VALIDATION,
                    "auth provider '"
                        + name
                        + "' for "
                        + target.key()
                        + " is not installed; built-in"
                        + " providers are none, bearer, api-key, basic and delegation",
                    null,
                    ErrorContext.builder().target(target.key()).build(),
                    false));
  }

  private TargetMeters meterOf(String key) {
    TargetMeters meter = meters.get(key);
    return meter != null
        ? meter
        : meters.computeIfAbsent(key, unused -> new TargetMeters(metrics, key));
  }

  private AgentResponse fromCache(
      ResponseCache.Entry entry, CallOptions options, int attempts, Duration elapsed) {
    return new AgentResponse(
        entry.status(),
        entry.headers(),
        entry.body(),
        entry.uri(),
        attempts,
        elapsed,
        true,
        options.requestId().orElseGet(RequestIds::next));
  }

  /** Reads the whole body; stores cacheable GET answers and serves 304 from the cache. */
  private final class BufferedHandler implements ExchangeHandler<AgentResponse> {
    private final @Nullable String cacheKey;
    private final ResponseCache.@Nullable Entry stale;

    BufferedHandler(@Nullable String cacheKey, ResponseCache.@Nullable Entry stale) {
      this.cacheKey = cacheKey;
      this.stale = stale;
    }

    @Override
    public AgentResponse handle(
        OpenExchange exchange, int attempts, long startNanos, String requestId) throws IOException {
      Map<String, List<String>> headers = exchange.headers();
      long now = System.nanoTime();
      if (exchange.status() == 304 && stale != null && cache != null && cacheKey != null) {
        exchange.readBody(ERROR_BODY_BYTES);
        ResponseCache.Entry refreshed = cache.revalidated(cacheKey, stale, headers, now);
        return new AgentResponse(
            refreshed.status(),
            refreshed.headers(),
            refreshed.body(),
            refreshed.uri(),
            attempts,
            Duration.ofNanos(now - startNanos),
            true,
            requestId);
      }
      byte[] body = exchange.readBody(settings.maxResponseBytes());
      if (cache != null && cacheKey != null) {
        cache.store(cacheKey, exchange.status(), headers, body, exchange.uri(), now);
      }
      return new AgentResponse(
          exchange.status(),
          headers,
          body,
          exchange.uri(),
          attempts,
          Duration.ofNanos(System.nanoTime() - startNanos),
          false,
          requestId);
    }
  }

  /** Closes the transport. */
  @Override
  public void close() {
    batches.close();
    transport.close();
  }

  /** Builds a {@link DefaultAgentHttpClient}. Not thread-safe. */
  public static final class Builder {
    private final HttpTransport transport;
    private @Nullable AgentDirectory directory;
    private @Nullable CircuitBreakerRegistry breakers;
    private @Nullable RetryRegistry retries;
    private Function<String, Optional<AuthProvider>> authProviders = AuthProviders.serviceLoader();
    private Function<String, Optional<BackoffStrategy>> backoffStrategies =
        name -> Optional.empty();
    private @Nullable ResponseCache cache;
    private Metrics metrics = Metrics.noop();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.THREAD;
    private @Nullable String delegationAgent;

    private Builder(HttpTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
    }

    /** Sets the directory that resolves URNs; default none (URN calls fail). */
    public Builder directory(@Nullable AgentDirectory directory) {
      this.directory = directory;
      return this;
    }

    /** Sets the breaker registry; default none (no breakers). */
    public Builder breakers(@Nullable CircuitBreakerRegistry breakers) {
      this.breakers = breakers;
      return this;
    }

    /** Sets the retry registry; default none ({@link RetryConfig#defaults()}, no budget). */
    public Builder retries(@Nullable RetryRegistry retries) {
      this.retries = retries;
      return this;
    }

    /** Sets the lookup of auth providers by name; default the service loader. */
    public Builder authProviders(Function<String, Optional<AuthProvider>> authProviders) {
      this.authProviders = Objects.requireNonNull(authProviders, "authProviders");
      return this;
    }

    /** Sets the lookup of backoff strategies by name; default none (built-in full jitter). */
    public Builder backoffStrategies(
        Function<String, Optional<BackoffStrategy>> backoffStrategies) {
      this.backoffStrategies = Objects.requireNonNull(backoffStrategies, "backoffStrategies");
      return this;
    }

    /** Sets the response cache; default none. */
    public Builder cache(@Nullable ResponseCache cache) {
      this.cache = cache;
      return this;
    }

    /** Sets the metrics facade; default no-op. */
    public Builder metrics(Metrics metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics");
      return this;
    }

    /** Sets the clock for {@code Retry-After} dates; default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Sets how the client waits between attempts; default blocking the thread. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Sets this runtime's agent id, appended to delegation chains; default none. */
    public Builder delegationAgent(@Nullable String delegationAgent) {
      this.delegationAgent = delegationAgent;
      return this;
    }

    /** Returns the client. */
    public DefaultAgentHttpClient build() {
      return new DefaultAgentHttpClient(this);
    }
  }
}
