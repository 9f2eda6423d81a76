package dev.ossp.runtime.component;

/**
 * Contributes bindings to the runtime's injector without naming the injection library. Every
 * binding is a singleton. Implementation classes are built through their {@code
 * jakarta.inject.Inject}-annotated constructor (or a public no-argument one), so they can inject
 * any API type another component binds, {@code java.util.Optional<T>} for a type that may be
 * absent, and {@code java.util.Set<T>} for a set contributed with {@link #addToSet}.
 *
 * <p>Binding one type twice, from one component or two, stops startup with an error naming both
 * components.
 */
public interface ComponentBinder {
  /** Binds {@code type} to a singleton of {@code implementation}. */
  <T> void bind(Class<T> type, Class<? extends T> implementation);

  /** Binds {@code type} to {@code instance}. */
  <T> void bindInstance(Class<T> type, T instance);

  /** Binds {@code type} to the singleton that {@code provider} returns. */
  <T> void bindProvider(
      Class<T> type, Class<? extends jakarta.inject.Provider<? extends T>> provider);

  /** Adds a singleton of {@code implementation} to the set of {@code type}. */
  <T> void addToSet(Class<T> type, Class<? extends T> implementation);

  /** Adds {@code instance} to the set of {@code type}. */
  <T> void addInstanceToSet(Class<T> type, T instance);
}
