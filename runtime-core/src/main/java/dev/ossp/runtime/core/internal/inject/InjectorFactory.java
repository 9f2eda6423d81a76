package dev.ossp.runtime.core.internal.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.ConfigurationException;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Scopes;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.spi.Dependency;
import com.google.inject.spi.InjectionPoint;
import com.google.inject.spi.Message;
import dev.ossp.runtime.component.RuntimeInfo;
import dev.ossp.runtime.config.ConfigException;
import dev.ossp.runtime.config.RuntimeConfig;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import dev.ossp.runtime.error.Violation;
import dev.ossp.runtime.metrics.Metrics;
import dev.ossp.runtime.node.NodeInfo;
import dev.ossp.runtime.node.RouteProvider;
import dev.ossp.runtime.spi.Strategies;
import dev.ossp.runtime.spi.Strategy;
import dev.ossp.runtime.spi.StrategyKind;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the runtime's one Guice injector from the core's own bindings and every component's
 * recorded bindings.
 *
 * <p>A component's {@code bind*} becomes {@code OptionalBinder.setBinding()}, so consumers may
 * inject {@code T} or {@code java.util.Optional<T>}; {@code addToSet} becomes a {@link
 * Multibinder}. Every binding is a singleton, and the injector runs in {@link Stage#PRODUCTION}, so
 * singletons are created when the injector is, and a failing constructor stops startup.
 *
 * <p>For every {@code Optional<X>} or {@code Set<X>} that a bound class injects, an empty optional
 * or set binder for {@code X} is declared, so such a dependency resolves even when no component
 * binds {@code X}.
 */
public final class InjectorFactory {
  private InjectorFactory() {}

  /** Returns the types only the core binds; a component that binds one is rejected. */
  public static Set<Class<?>> coreTypes() {
    Set<Class<?>> types = new LinkedHashSet<>();
    types.add(RuntimeConfig.class);
    types.add(Strategies.class);
    types.add(Clock.class);
    types.add(NodeInfo.class);
    types.add(RuntimeInfo.class);
    for (StrategyKind<?> kind : StrategyKind.ALL) {
      if (kind.configKey().isPresent()) {
        types.add(kind.type());
      }
    }
    return types;
  }

  /**
   * Checks that no type is bound twice, by one component or two, and that no component binds a core
   * type.
   *
   * @throws OsspException of kind {@link ErrorKind#INTERNAL} naming the components involved
   */
  public static void checkConflicts(List<RecordedBinding> bindings) {
    Objects.requireNonNull(bindings, "bindings");

    Set<Class<?>> coreTypes = coreTypes();
    Map<Class<?>, String> ownerByType = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (RecordedBinding binding : bindings) {
      if (binding.kind().isSetElement()) {
        continue;
      }
      String type = binding.type().getName();
      if (coreTypes.contains(binding.type())) {
        problems.add(
            "component '" + binding.owner() + "' binds " + type + ", which the runtime core binds");
        continue;
      }
      String previous = ownerByType.putIfAbsent(binding.type(), binding.owner());
      if (previous == null) {
        continue;
      }
      if (previous.equals(binding.owner())) {
        problems.add("component '" + previous + "' binds " + type + " twice");
      } else {
        problems.add(
            type
                + " is bound by both component '"
                + previous
                + "' and component '"
                + binding.owner()
                + "'; only one component may bind a type");
      }
    }
    if (!problems.isEmpty()) {
      throw new OsspException(
          ErrorKind.INTERNAL, "conflicting bindings: " + String.join("; ", problems));
    }
  }

  /**
   * Creates the injector.
   *
   * @throws ConfigException when a singleton's constructor rejects its configuration, with every
   *     violation those constructors reported
   * @throws OsspException of kind {@link ErrorKind#INTERNAL} when Guice rejects the bindings or a
   *     singleton's constructor fails otherwise; the message carries Guice's, which names the
   *     component
   */
  public static Injector create(CoreBindings core, List<RecordedBinding> bindings) {
    Objects.requireNonNull(core, "core");
    Objects.requireNonNull(bindings, "bindings");

    checkConflicts(bindings);
    try {
      return Guice.createInjector(Stage.PRODUCTION, new RuntimeModule(core, bindings));
    } catch (CreationException e) {
      throw translate(e.getErrorMessages(), e);
    } catch (ConfigurationException e) {
      throw translate(e.getErrorMessages(), e);
    }
  }

  /**
   * Returns the error to raise for Guice's {@code failure}. A component that validates its settings
   * in a singleton's constructor throws {@link ConfigException}; Guice wraps it once per injection
   * point, so the violations are collected, deduplicated and raised as one configuration error,
   * which the CLI reports with exit status 2 and without Guice's trace.
   */
  private static RuntimeException translate(
      Collection<Message> messages, RuntimeException failure) {
    Set<Violation> violations = new LinkedHashSet<>();
    for (Message message : messages) {
      for (Throwable cause = message.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof ConfigException invalid) {
          violations.addAll(invalid.violations());
          break;
        }
      }
    }
    if (!violations.isEmpty()) {
      return new ConfigException(List.copyOf(violations));
    }
    return new OsspException(
        ErrorKind.INTERNAL,
        "cannot create the runtime's injector: " + failure.getMessage(),
        failure);
  }

  private static final class RuntimeModule extends AbstractModule {
    private final CoreBindings core;
    private final List<RecordedBinding> bindings;

    RuntimeModule(CoreBindings core, List<RecordedBinding> bindings) {
      this.core = core;
      this.bindings = bindings;
    }

    @Override
    protected void configure() {
      Binder coreBinder = binder().withSource("runtime core");
      coreBinder.bind(RuntimeConfig.class).toInstance(core.config());
      coreBinder.bind(Strategies.class).toInstance(core.strategies());
      coreBinder.bind(Clock.class).toInstance(core.clock());
      OptionalBinder<RuntimeInfo> runtimeInfo =
          OptionalBinder.newOptionalBinder(coreBinder, RuntimeInfo.class);
      if (core.runtimeInfo() != null) {
        runtimeInfo.setBinding().toInstance(core.runtimeInfo());
      }
      OptionalBinder<NodeInfo> node = OptionalBinder.newOptionalBinder(coreBinder, NodeInfo.class);
      if (core.node() != null) {
        node.setBinding().toInstance(core.node());
      }
      OptionalBinder.newOptionalBinder(coreBinder, Metrics.class)
          .setDefault()
          .toInstance(Metrics.noop());
      Multibinder.newSetBinder(coreBinder, RouteProvider.class);
      for (StrategyKind<?> kind : StrategyKind.ALL) {
        if (kind.configKey().isPresent()) {
          bindSelected(coreBinder, kind);
        }
      }

      Set<Class<?>> optionalTypes = new LinkedHashSet<>();
      Set<Class<?>> setTypes = new LinkedHashSet<>();
      for (RecordedBinding binding : bindings) {
        collectWanted(binding, optionalTypes, setTypes);
      }
      // Types the core binds directly must not get a second, optional binding.
      optionalTypes.removeAll(Set.of(RuntimeConfig.class, Strategies.class, Clock.class));
      for (Class<?> type : optionalTypes) {
        OptionalBinder.newOptionalBinder(coreBinder, type);
      }
      for (Class<?> type : setTypes) {
        Multibinder.newSetBinder(coreBinder, type);
      }

      for (RecordedBinding binding : bindings) {
        bind(binder().withSource("component '" + binding.owner() + "'"), binding);
      }
    }

    private <S extends Strategy> void bindSelected(Binder binder, StrategyKind<S> kind) {
      OptionalBinder<S> optional = OptionalBinder.newOptionalBinder(binder, kind.type());
      Optional<S> selected = core.strategies().selectedIfInstalled(kind);
      selected.ifPresent(strategy -> optional.setBinding().toInstance(strategy));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void bind(Binder binder, RecordedBinding binding) {
      Class type = binding.type();
      switch (binding.kind()) {
        case CLASS -> {
          if (binding.target() == type) {
            // A class bound to itself is built through its constructor; linking the key to itself
            // would be a binding that points to itself.
            OptionalBinder.newOptionalBinder(binder, type)
                .setBinding()
                .toConstructor(constructorOf(type))
                .in(Scopes.SINGLETON);
          } else {
            OptionalBinder.newOptionalBinder(binder, type)
                .setBinding()
                .to((Class) binding.target())
                .in(Scopes.SINGLETON);
          }
        }
        case INSTANCE ->
            OptionalBinder.newOptionalBinder(binder, type)
                .setBinding()
                .toInstance(binding.target());
        case PROVIDER ->
            OptionalBinder.newOptionalBinder(binder, type)
                .setBinding()
                .toProvider((Class) binding.target())
                .in(Scopes.SINGLETON);
        case SET_CLASS ->
            Multibinder.newSetBinder(binder, type)
                .permitDuplicates()
                .addBinding()
                .to((Class) binding.target())
                .in(Scopes.SINGLETON);
        case SET_INSTANCE ->
            Multibinder.newSetBinder(binder, type)
                .permitDuplicates()
                .addBinding()
                .toInstance(binding.target());
      }
    }

    private static Constructor<?> constructorOf(Class<?> type) {
      return (Constructor<?>) InjectionPoint.forConstructorOf(TypeLiteral.get(type)).getMember();
    }

    /** Adds the X of every {@code Optional<X>} and {@code Set<X>} the binding's class injects. */
    private static void collectWanted(
        RecordedBinding binding, Set<Class<?>> optionalTypes, Set<Class<?>> setTypes) {
      Class<?> injected =
          switch (binding.kind()) {
            case CLASS, PROVIDER, SET_CLASS -> (Class<?>) binding.target();
            case INSTANCE, SET_INSTANCE -> binding.target().getClass();
          };
      List<InjectionPoint> points = new ArrayList<>();
      try {
        if (binding.kind() != RecordedBinding.Kind.INSTANCE
            && binding.kind() != RecordedBinding.Kind.SET_INSTANCE) {
          points.add(InjectionPoint.forConstructorOf(TypeLiteral.get(injected)));
        }
        points.addAll(InjectionPoint.forInstanceMethodsAndFields(injected));
      } catch (ConfigurationException e) {
        // Guice reports the unusable class when the injector is created, naming the component.
        return;
      }
      for (InjectionPoint point : points) {
        for (Dependency<?> dependency : point.getDependencies()) {
          Type type = dependency.getKey().getTypeLiteral().getType();
          if (type instanceof ParameterizedType parameterized
              && parameterized.getActualTypeArguments().length == 1
              && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            if (parameterized.getRawType() == Optional.class) {
              optionalTypes.add(element);
            } else if (parameterized.getRawType() == Set.class) {
              setTypes.add(element);
            }
          }
        }
      }
    }
  }
}
