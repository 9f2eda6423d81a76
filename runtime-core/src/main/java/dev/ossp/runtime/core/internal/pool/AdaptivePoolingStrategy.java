package dev.ossp.runtime.core.internal.pool;

import dev.ossp.runtime.pool.PoolController;
import dev.ossp.runtime.pool.PoolSettings;
import dev.ossp.runtime.pool.PoolingStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code adaptive} pooling strategy: each key starts at the configured {@code maxPerKey}; the
 * limit rises under sustained lease waits and falls when the key is idle, always within {@code
 * minPerKey..maxPerKeyCeiling}.
 *
 * <p>Each {@link PoolController#evaluate(Instant)} closes one round. A round is under pressure when
 * a lease for the key waited at least {@link #WAIT_THRESHOLD}; after {@link #PRESSURE_ROUNDS}
 * rounds in a row under pressure the limit rises by half (at least 1), up to the ceiling. A round
 * is idle when no lease waited and the last reported usage had nothing leased; after {@link
 * #IDLE_ROUNDS} idle rounds in a row the limit falls by 1, down to the floor. Every change is
 * logged at INFO and passed to the listeners. The pool's total limit never changes.
 *
 * <p>Thread-safe: the record methods take no lock; {@code evaluate} takes one per controller.
 */
public final class AdaptivePoolingStrategy implements PoolingStrategy {
  /** The strategy's name. */
  public static final String NAME = "adaptive";

  /** A lease wait at least this long puts its round under pressure. */
  public static final Duration WAIT_THRESHOLD = Duration.ofMillis(10);

  /** Rounds in a row under pressure before a limit rises. */
  public static final int PRESSURE_ROUNDS = 3;

  /** Idle rounds in a row before a limit falls. */
  public static final int IDLE_ROUNDS = 3;

  private static final Logger LOG = LoggerFactory.getLogger(AdaptivePoolingStrategy.class);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "raises a key's limit under sustained lease waits and lowers it when idle, within"
        + " minPerKey..maxPerKeyCeiling";
  }

  @Override
  public PoolController create(PoolSettings settings) {
    Objects.requireNonNull(settings, "settings");

    return new AdaptivePoolController(settings);
  }

  private static final class KeyState {
    final AtomicInteger limit;
    final AtomicLong waitsAboveThreshold = new AtomicLong();
    final AtomicLong waits = new AtomicLong();
    volatile int leased;
    volatile int idle;
    int pressureRounds;
    int idleRounds;

    KeyState(int limit) {
      this.limit = new AtomicInteger(limit);
    }
  }

  private static final class AdaptivePoolController implements PoolController {
    private final PoolSettings settings;
    private final Map<String, KeyState> keys = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<LimitListener> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock evaluation = new ReentrantLock();

    AdaptivePoolController(PoolSettings settings) {
      this.settings = settings;
    }

    @Override
    public PoolSettings settings() {
      return settings;
    }

    @Override
    public int maxTotal() {
      return settings.maxTotal();
    }

    @Override
    public int maxPerKey(String key) {
      Objects.requireNonNull(key, "key");

      KeyState state = keys.get(key);
      return state == null ? settings.maxPerKey() : state.limit.get();
    }

    @Override
    public Duration idleTimeout() {
      return settings.idleTimeout();
    }

    @Override
    public void recordLeaseWait(String key, Duration waited) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(waited, "waited");

      KeyState state = stateOf(key);
      state.waits.incrementAndGet();
      if (waited.compareTo(WAIT_THRESHOLD) >= 0) {
        state.waitsAboveThreshold.incrementAndGet();
      }
    }

    @Override
    public void recordUsage(String key, int leased, int idle) {
      Objects.requireNonNull(key, "key");
      if (leased < 0 || idle < 0) {
        throw new IllegalArgumentException(
            "leased and idle must be >= 0, were " + leased + " and " + idle);
      }

      KeyState state = stateOf(key);
      state.leased = leased;
      state.idle = idle;
    }

    private KeyState stateOf(String key) {
      return keys.computeIfAbsent(key, unused -> new KeyState(settings.maxPerKey()));
    }

    @Override
    public void evaluate(Instant now) {
      Objects.requireNonNull(now, "now");

      evaluation.lock();
      try {
        keys.forEach(this::evaluateKey);
      } finally {
        evaluation.unlock();
      }
    }

    private void evaluateKey(String key, KeyState state) {
      long slowWaits = state.waitsAboveThreshold.getAndSet(0);
      long allWaits = state.waits.getAndSet(0);
      boolean pressure = slowWaits > 0;
      boolean idle = allWaits == 0 && state.leased == 0;
      state.pressureRounds = pressure ? state.pressureRounds + 1 : 0;
      state.idleRounds = idle ? state.idleRounds + 1 : 0;

      int current = state.limit.get();
      if (state.pressureRounds >= PRESSURE_ROUNDS && current < settings.maxPerKeyCeiling()) {
        int raised = Math.min(settings.maxPerKeyCeiling(), current + Math.max(1, current / 2));
        state.pressureRounds = 0;
        change(
            key,
            state,
            current,
            raised,
            "lease waits of "
                + WAIT_THRESHOLD.toMillis()
                + " ms or more for "
                + PRESSURE_ROUNDS
                + " rounds");
      } else if (state.idleRounds >= IDLE_ROUNDS && current > settings.minPerKey()) {
        state.idleRounds = 0;
        change(key, state, current, current - 1, "idle for " + IDLE_ROUNDS + " rounds");
      }
    }

    private void change(String key, KeyState state, int oldLimit, int newLimit, String reason) {
      state.limit.set(newLimit);
      LOG.info(
          "pool '{}' key '{}': limit {} -> {} ({})",
          settings.poolName(),
          key,
          oldLimit,
          newLimit,
          reason);
      for (LimitListener listener : listeners) {
        try {
          listener.limitChanged(key, oldLimit, newLimit, reason);
        } catch (RuntimeException e) {
          LOG.warn("pool '{}': a limit listener failed for key '{}'", settings.poolName(), key, e);
        }
      }
    }

    @Override
    public void addListener(LimitListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
    }
  }
}
