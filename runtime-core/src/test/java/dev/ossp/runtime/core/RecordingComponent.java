package dev.ossp.runtime.core;

import dev.ossp.runtime.component.ComponentBinder;
import dev.ossp.runtime.component.ComponentContext;
import dev.ossp.runtime.component.ComponentHealth;
import dev.ossp.runtime.component.RuntimeComponent;
import dev.ossp.runtime.config.ConfigKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A component for tests that records "start x" and "stop x" in a shared event list, and whose
 * dependencies, keys, bindings, start, stop and health are set per test.
 */
final class RecordingComponent implements RuntimeComponent {
  private final String name;
  private final List<String> events;
  private Set<String> requires = Set.of();
  private Set<String> after = Set.of();
  private List<ConfigKey<?>> keys = List.of();
  private Consumer<ComponentBinder> configure = binder -> {};
  private StartAction onStart = context -> {};
  private Runnable onStop = () -> {};
  private Supplier<ComponentHealth> health = ComponentHealth::up;
  private boolean critical = true;
  private volatile ComponentContext context;

  RecordingComponent(String name, List<String> events) {
    this.name = name;
    this.events = events;
  }

  /** Returns a new thread-safe event list. */
  static List<String> events() {
    return new CopyOnWriteArrayList<>();
  }

  RecordingComponent requires(String... names) {
    this.requires = Set.of(names);
    return this;
  }

  RecordingComponent after(String... names) {
    this.after = Set.of(names);
    return this;
  }

  RecordingComponent keys(ConfigKey<?>... keys) {
    this.keys = new ArrayList<>(List.of(keys));
    return this;
  }

  RecordingComponent configure(Consumer<ComponentBinder> configure) {
    this.configure = configure;
    return this;
  }

  RecordingComponent onStart(StartAction onStart) {
    this.onStart = onStart;
    return this;
  }

  RecordingComponent onStop(Runnable onStop) {
    this.onStop = onStop;
    return this;
  }

  RecordingComponent health(Supplier<ComponentHealth> health) {
    this.health = health;
    return this;
  }

  RecordingComponent nonCritical() {
    this.critical = false;
    return this;
  }

  /** The context the component received at start. */
  ComponentContext context() {
    return context;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Set<String> requires() {
    return requires;
  }

  @Override
  public Set<String> after() {
    return after;
  }

  @Override
  public List<ConfigKey<?>> configKeys() {
    return keys;
  }

  @Override
  public void configure(ComponentBinder binder) {
    configure.accept(binder);
  }

  @Override
  public void start(ComponentContext context) throws Exception {
    this.context = context;
    onStart.run(context);
    events.add("start " + name);
  }

  @Override
  public void stop() {
    events.add("stop " + name);
    onStop.run();
  }

  @Override
  public ComponentHealth health() {
    return health.get();
  }

  @Override
  public boolean critical() {
    return critical;
  }

  /** What a component does at start; may throw. */
  @FunctionalInterface
  interface StartAction {
    void run(ComponentContext context) throws Exception;
  }
}
