package dev.ossp.runtime.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossp.runtime.backoff.BackoffStrategy;
import dev.ossp.runtime.cache.CacheStrategy;
import dev.ossp.runtime.component.ComponentContext;
import dev.ossp.runtime.config.ConfigException;
import dev.ossp.runtime.config.RuntimeConfig;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.error.Violation;
import dev.ossp.runtime.metrics.Metrics;
import dev.ossp.runtime.metrics.Tags;
import dev.ossp.runtime.pool.PoolingStrategy;
import dev.ossp.runtime.spi.Strategies;
import dev.ossp.runtime.spi.StrategyKind;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InjectionTest {
  @TempDir Path directory;

  private final List<String> events = RecordingComponent.events();

  /** A service one component binds and another injects. */
  public interface Greeter {
    String greet(String name);
  }

  /** A type no component binds. */
  public interface Absent {}

  /** An element type of a set that components contribute to. */
  public interface Plugin {}

  public static final class EnglishGreeter implements Greeter {
    @Override
    public String greet(String name) {
      return "hello " + name;
    }
  }

  public static final class FirstPlugin implements Plugin {}

  public static final class SecondPlugin implements Plugin {}

  /** Injects what another component binds, an absent optional and a contributed set. */
  public static final class Consumer {
    final Greeter greeter;
    final Optional<Absent> absent;
    final Optional<Greeter> optionalGreeter;
    final Set<Plugin> plugins;
    final Set<Absent> noAbsents;

    @Inject
    public Consumer(
        Greeter greeter,
        Optional<Absent> absent,
        Optional<Greeter> optionalGreeter,
        Set<Plugin> plugins,
        Set<Absent> noAbsents) {
      this.greeter = greeter;
      this.absent = absent;
      this.optionalGreeter = optionalGreeter;
      this.plugins = plugins;
      this.noAbsents = noAbsents;
    }
  }

  /** A metrics facade that only counts how often it was asked for a counter. */
  public static final class CountingMetrics implements Metrics {
    int counters;

    @Override
    public Counter counter(String name, Tags tags) {
      counters++;
      return Metrics.noop().counter(name, tags);
    }

    @Override
    public Timer timer(String name, Tags tags) {
      return Metrics.noop().timer(name, tags);
    }

    @Override
    public Histogram histogram(String name, Tags tags) {
      return Metrics.noop().histogram(name, tags);
    }

    @Override
    public void gauge(String name, Tags tags, DoubleSupplier value) {}
  }

  @Test
  void componentInjectsWhatAnotherBinds() {
    // given
    OsspRuntime runtime =
        TestRuntimes.withoutNode(directory)
            .addComponent(
                new RecordingComponent("greeting", events)
                    .configure(
                        binder -> {
                          binder.bind(Greeter.class, EnglishGreeter.class);
                          binder.addToSet(Plugin.class, FirstPlugin.class);
                        }))
            .addComponent(
                new RecordingComponent("consumer", events)
                    .requires("greeting")
                    .configure(
                        binder -> {
                          binder.bind(Consumer.class, Consumer.class);
                          binder.addInstanceToSet(Plugin.class, new SecondPlugin());
                        }))
            .build();

    // when
    runtime.start();
    Consumer consumer = runtime.instance(Consumer.class);

    // then
    assertThat(consumer.greeter.greet("node")).isEqualTo("hello node");
    assertThat(consumer.greeter).isSameAs(runtime.instance(Greeter.class));
    assertThat(consumer.optionalGreeter).containsSame(consumer.greeter);
    assertThat(consumer.absent).isEmpty();
    assertThat(consumer.noAbsents).isEmpty();
    assertThat(consumer.plugins)
        .hasSize(2)
        .hasAtLeastOneElementOfType(FirstPlugin.class)
        .hasAtLeastOneElementOfType(SecondPlugin.class);
    assertThat(runtime.instance(Consumer.class)).isSameAs(consumer);
    runtime.close();
  }

  @Test
  void metricsDefaultToNoopAndComponentOverridesThem() {
    // given
    CountingMetrics metrics = new CountingMetrics();
    OsspRuntime plain = TestRuntimes.withoutNode(directory.resolve("plain")).build();
    OsspRuntime withMetrics =
        TestRuntimes.withoutNode(directory.resolve("metrics"))
            .addComponent(
                new RecordingComponent("metrics", events)
                    .configure(binder -> binder.bindInstance(Metrics.class, metrics)))
            .build();

    // when
    plain.start();
    withMetrics.start();

    // then
    assertThat(plain.instance(Metrics.class)).isSameAs(Metrics.noop());
    assertThat(withMetrics.instance(Metrics.class)).isSameAs(metrics);
    plain.close();
    withMetrics.close();
  }

  @Test
  void sameTypeFromTwoComponentsNamesBoth() {
    // given
    OsspRuntime.Builder builder =
        TestRuntimes.withoutNode(directory)
            .addComponent(
                new RecordingComponent("english", events)
                    .configure(binder -> binder.bind(Greeter.class, EnglishGreeter.class)))
            .addComponent(
                new RecordingComponent("french", events)
                    .configure(binder -> binder.bindInstance(Greeter.class, name -> "salut")));

    // when
    OsspException e = catchThrowableOfType(OsspException.class, builder::build);

    // then
    assertThat(e.kind()).isEqualTo(ErrorKind.INTERNAL);
    assertThat(e.getMessage())
        .isEqualTo(
            "conflicting bindings: dev.ossp.runtime.core.InjectionTest$Greeter is bound by both"
                + " component 'english' and component 'french'; only one component may bind a"
                + " type");
  }

  @Test
  void componentCannotBindCoreType() {
    // given
    OsspRuntime.Builder builder =
        TestRuntimes.withoutNode(directory)
            .addComponent(
                new RecordingComponent("rogue", events)
                    .configure(binder -> binder.bindInstance(Clock.class, Clock.systemUTC())));

    // when
    OsspException e = catchThrowableOfType(OsspException.class, builder::build);

    // then
    assertThat(e.getMessage())
        .isEqualTo(
            "conflicting bindings: component 'rogue' binds java.time.Clock, which the runtime core"
                + " binds");
  }

  @Test
  void abstractImplementationIsRejectedAtConfigure() {
    // given
    OsspRuntime.Builder builder =
        TestRuntimes.withoutNode(directory)
            .addComponent(
                new RecordingComponent("broken", events)
                    .configure(binder -> binder.bind(Greeter.class, Greeter.class)));

    // when
    OsspException e = catchThrowableOfType(OsspException.class, builder::build);

    // then
    assertThat(e.getMessage())
        .startsWith("component 'broken' failed in configure(): java.lang.IllegalArgumentException")
        .contains("which is abstract; bind a concrete class");
  }

  @Test
  void coreBindsConfigStrategiesClockAndSelections() {
    // given
    Clock clock = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
    OsspRuntime runtime =
        TestRuntimes.withoutNode(directory).clock(clock).set("strategies.cache", "none").build();

    // when
    runtime.start();

    // then
    assertThat(runtime.instance(RuntimeConfig.class)).isSameAs(runtime.config());
    assertThat(runtime.instance(Strategies.class)).isSameAs(runtime.strategies());
    assertThat(runtime.instance(Clock.class)).isSameAs(clock);
    assertThat(runtime.instance(CacheStrategy.class).name()).isEqualTo("none");
    assertThat(runtime.instance(PoolingStrategy.class).name()).isEqualTo("fixed");
    assertThat(runtime.find(BackoffStrategy.class)).isEmpty();
    assertThatThrownBy(() -> runtime.strategies().selected(StrategyKind.BACKOFF))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no backoff strategy is installed; add a module or plugin that provides one");
    assertThatThrownBy(() -> runtime.instance(Absent.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no component binds " + Absent.class.getName());
    runtime.close();
  }

  @Test
  void contextGivesConfigInstancesMetricsAndDataDirectory() {
    // given
    RecordingComponent component = new RecordingComponent("probe", events);
    OsspRuntime runtime = TestRuntimes.withoutNode(directory).addComponent(component).build();

    // when
    runtime.start();
    ComponentContext context = component.context();

    // then
    assertThat(context.config()).isSameAs(runtime.config());
    assertThat(context.instance(Strategies.class)).isSameAs(runtime.strategies());
    assertThat(context.find(Absent.class)).isEmpty();
    assertThat(context.metrics()).isSameAs(Metrics.noop());
    Path data = context.dataDirectory();
    assertThat(data).isEqualTo(directory.resolve("data"));
    assertThat(Files.isDirectory(data)).isTrue();
    runtime.close();
  }

  @Test
  void instancesExistOnlyWhileRunning() {
    // given
    OsspRuntime runtime = TestRuntimes.withoutNode(directory).build();

    // when / then
    assertThatThrownBy(() -> runtime.instance(Clock.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the runtime is not started; instances exist only while it runs");
    runtime.start();
    assertThat(runtime.instance(Clock.class)).isNotNull();
    runtime.stop();
    assertThatThrownBy(() -> runtime.find(Clock.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the runtime is stopped; instances exist only while it runs");
  }

  @Test
  void failingConstructorStopsStartWithComponentName() {
    // given
    OsspRuntime runtime =
        TestRuntimes.withoutNode(directory)
            .addComponent(
                new RecordingComponent("greeting", events)
                    .configure(binder -> binder.bind(Greeter.class, ExplodingGreeter.class)))
            .build();

    // when
    OsspException e = catchThrowableOfType(OsspException.class, runtime::start);

    // then
    assertThat(e.getMessage())
        .startsWith("cannot create the runtime's injector:")
        .contains("component 'greeting'")
        .contains("no greetings today");
    assertThat(events).isEmpty();
  }

  @Test
  void constructorConfigErrorStaysConfigError() {
    // given two injection points of a singleton whose constructor rejects its configuration
    OsspRuntime runtime =
        TestRuntimes.withoutNode(directory)
            .addComponent(
                new RecordingComponent("greeting", events)
                    .configure(
                        binder -> {
                          binder.bind(Greeter.class, MisconfiguredGreeter.class);
                          binder.bind(GreeterUser.class, GreeterUser.class);
                        }))
            .build();

    // when
    ConfigException e = catchThrowableOfType(ConfigException.class, runtime::start);

    // then the violation arrives once, without Guice's wrapping
    assertThat(e.violations())
        .containsExactly(new Violation("greeting.language", "must be one of en, fr"));
    assertThat(e.getMessage()).doesNotContain("Guice").doesNotContain("injector");
    assertThat(events).isEmpty();
  }

  @Test
  void startConfigErrorStaysConfigError() {
    // given a component started before one that rejects its configuration at start
    RecordingComponent first = new RecordingComponent("first", events);
    RecordingComponent second =
        new RecordingComponent("second", events)
            .after("first")
            .onStart(
                context -> {
                  throw new ConfigException(new Violation("second.mode", "must be set"));
                });
    OsspRuntime runtime =
        TestRuntimes.withoutNode(directory).addComponent(first).addComponent(second).build();

    // when
    ConfigException e = catchThrowableOfType(ConfigException.class, runtime::start);

    // then
    assertThat(e.violations()).containsExactly(new Violation("second.mode", "must be set"));
    assertThat(events).containsExactly("start first", "stop first");
  }

  public static final class MisconfiguredGreeter implements Greeter {
    public MisconfiguredGreeter() {
      throw new ConfigException(new Violation("greeting.language", "must be one of en, fr"));
    }

    @Override
    public String greet(String name) {
      return name;
    }
  }

  public static final class GreeterUser {
    @Inject
    public GreeterUser(Greeter greeter) {
      greeter.greet("user");
    }
  }

  public static final class ExplodingGreeter implements Greeter {
    public ExplodingGreeter() {
      throw new IllegalStateException("no greetings today");
    }

    @Override
    public String greet(String name) {
      return name;
    }
  }
}
