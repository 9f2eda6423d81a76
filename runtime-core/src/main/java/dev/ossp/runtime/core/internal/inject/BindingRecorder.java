package dev.ossp.runtime.core.internal.inject;

import dev.ossp.runtime.component.ComponentBinder;
import dev.ossp.runtime.core.internal.inject.RecordedBinding.Kind;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The {@link ComponentBinder} handed to one component's {@code configure}: it checks each request
 * and records it, and {@link InjectorFactory} later turns the records into Guice bindings. Not
 * thread-safe; one component configures at a time.
 */
public final class BindingRecorder implements ComponentBinder {
  private final String owner;
  private final List<RecordedBinding> bindings = new ArrayList<>();

  /** Creates a recorder for the component named {@code owner}. */
  public BindingRecorder(String owner) {
    this.owner = Objects.requireNonNull(owner, "owner");
  }

  @Override
  public <T> void bind(Class<T> type, Class<? extends T> implementation) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(implementation, "implementation");

    checkConcrete(type, implementation);
    bindings.add(new RecordedBinding(owner, type, Kind.CLASS, implementation));
  }

  @Override
  public <T> void bindInstance(Class<T> type, T instance) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(instance, "instance");

    checkInstance(type, instance);
    bindings.add(new RecordedBinding(owner, type, Kind.INSTANCE, instance));
  }

  @Override
  public <T> void bindProvider(
      Class<T> type, Class<? extends jakarta.inject.Provider<? extends T>> provider) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(provider, "provider");

    checkConcrete(jakarta.inject.Provider.class, provider);
    bindings.add(new RecordedBinding(owner, type, Kind.PROVIDER, provider));
  }

  @Override
  public <T> void addToSet(Class<T> type, Class<? extends T> implementation) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(implementation, "implementation");

    checkConcrete(type, implementation);
    bindings.add(new RecordedBinding(owner, type, Kind.SET_CLASS, implementation));
  }

  @Override
  public <T> void addInstanceToSet(Class<T> type, T instance) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(instance, "instance");

    checkInstance(type, instance);
    bindings.add(new RecordedBinding(owner, type, Kind.SET_INSTANCE, instance));
  }

  /** The recorded bindings, in the order the component made them. */
  public List<RecordedBinding> bindings() {
    return Collections.unmodifiableList(bindings);
  }

  private void checkConcrete(Class<?> type, Class<?> implementation) {
    if (!type.isAssignableFrom(implementation)) {
      throw new IllegalArgumentException(
          "component '"
              + owner
              + "' binds "
              + type.getName()
              + " to "
              + implementation.getName()
              + ", which does not implement it");
    }
    if (implementation.isInterface() || Modifier.isAbstract(implementation.getModifiers())) {
      throw new IllegalArgumentException(
          "component '"
              + owner
              + "' binds "
              + type.getName()
              + " to "
              + implementation.getName()
              + ", which is abstract; bind a concrete class");
    }
  }

  private void checkInstance(Class<?> type, Object instance) {
    if (!type.isInstance(instance)) {
      throw new IllegalArgumentException(
          "component '"
              + owner
              + "' binds "
              + type.getName()
              + " to an instance of "
              + instance.getClass().getName()
              + ", which does not implement it");
    }
  }
}
