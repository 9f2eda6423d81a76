package dev.ossp.runtime.core.internal.inject;

import java.util.Objects;

/**
 * One binding a component asked for through {@link dev.ossp.runtime.component.ComponentBinder}.
 *
 * @param owner the component's name
 * @param type the bound type
 * @param kind how the type is bound
 * @param target the implementation class, provider class or instance
 */
public record RecordedBinding(String owner, Class<?> type, Kind kind, Object target) {
  /** Checks that every part is present. */
  public RecordedBinding {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
  }

  /** How a type is bound. */
  public enum Kind {
    /** To a singleton of an implementation class. */
    CLASS,
    /** To an instance. */
    INSTANCE,
    /** To the singleton a provider class returns. */
    PROVIDER,
    /** A singleton of an implementation class added to the type's set. */
    SET_CLASS,
    /** An instance added to the type's set. */
    SET_INSTANCE;

    /** Whether the binding adds to a set rather than binding the type itself. */
    public boolean isSetElement() {
      return this == SET_CLASS || this == SET_INSTANCE;
    }
  }
}
