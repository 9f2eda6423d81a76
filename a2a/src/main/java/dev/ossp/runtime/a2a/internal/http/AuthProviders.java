package dev.ossp.runtime.a2a.internal.http;

import dev.ossp.runtime.auth.AuthProvider;
import dev.ossp.runtime.spi.Strategies;
import dev.ossp.runtime.spi.StrategyKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;

/** Lookups of {@link AuthProvider}s by name. */
public final class AuthProviders {
  private AuthProviders() {}

  /** Returns the lookup over the runtime's installed strategies. */
  public static Function<String, Optional<AuthProvider>> of(Strategies strategies) {
    Objects.requireNonNull(strategies, "strategies");

    return name -> strategies.find(StrategyKind.AUTH, name);
  }

  /** Returns a lookup over the providers the service loader finds next to this class. */
  public static Function<String, Optional<AuthProvider>> serviceLoader() {
    Map<String, AuthProvider> providers = new LinkedHashMap<>();
    for (AuthProvider provider :
        ServiceLoader.load(AuthProvider.class, AuthProviders.class.getClassLoader())) {
      providers.putIfAbsent(provider.name(), provider);
    }
    Map<String, AuthProvider> found = Map.copyOf(providers);
    return name -> Optional.ofNullable(found.get(name));
  }
}
