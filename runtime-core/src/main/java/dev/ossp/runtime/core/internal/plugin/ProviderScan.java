package dev.ossp.runtime.core.internal.plugin;

import dev.ossp.runtime.error.Violation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Finds the providers of one service with {@link ServiceLoader} over the plugin class loader, whose
 * parent loads the classpath, and turns every provider that fails to load or instantiate into a
 * {@link Violation} that names the class and the jar whose {@code META-INF/services} file lists it.
 *
 * @param <S> the service type
 */
public final class ProviderScan<S> {
  private final List<LoadedProvider<S>> providers;
  private final List<Violation> violations;

  private ProviderScan(List<LoadedProvider<S>> providers, List<Violation> violations) {
    this.providers = List.copyOf(providers);
    this.violations = List.copyOf(violations);
  }

  /**
   * Scans for providers of {@code service}.
   *
   * @param field the violation field for failures, such as {@code plugins}
   */
  public static <S> ProviderScan<S> scan(Class<S> service, Plugins plugins, String field) {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(plugins, "plugins");
    Objects.requireNonNull(field, "field");

    Map<String, Set<String>> listedIn = listings(service, plugins);
    List<LoadedProvider<S>> providers = new ArrayList<>();
    List<Violation> violations = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    List<Throwable> lookupErrors = new ArrayList<>();

    Iterator<ServiceLoader.Provider<S>> lookup =
        ServiceLoader.load(service, plugins.loader()).stream().iterator();
    // Each failed lookup consumes one listed name, so the listings bound the loop. The extra
    // rounds cover names that the scan of the services files could not read.
    int rounds = listedCount(listedIn) + 16;
    while (rounds-- > 0) {
      ServiceLoader.Provider<S> provider;
      try {
        if (!lookup.hasNext()) {
          break;
        }
        provider = lookup.next();
      } catch (ServiceConfigurationError | LinkageError e) {
        // The failing name is found below by comparing the listings with what loaded.
        lookupErrors.add(e);
        continue;
      }
      String className = provider.type().getName();
      seen.add(className);
      try {
        S instance = provider.get();
        providers.add(new LoadedProvider<>(instance, plugins.originOf(provider.type())));
      } catch (ServiceConfigurationError | LinkageError e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        violations.add(
            new Violation(
                field,
                "provider "
                    + className
                    + " of "
                    + service.getSimpleName()
                    + " "
                    + listedWhere(listedIn, className)
                    + " could not be instantiated: "
                    + cause));
      }
    }
    int attributed = 0;
    for (String className : listedIn.keySet()) {
      if (!seen.contains(className)) {
        attributed++;
        violations.add(
            new Violation(
                field,
                "provider "
                    + className
                    + " of "
                    + service.getSimpleName()
                    + " "
                    + listedWhere(listedIn, className)
                    + " failed to load: "
                    + diagnose(service, className, plugins.loader())));
      }
    }
    // Errors no listing explains, such as an unreadable services file, are reported as they are.
    for (Throwable error :
        lookupErrors.subList(Math.min(attributed, lookupErrors.size()), lookupErrors.size())) {
      violations.add(
          new Violation(
              field, "looking up providers of " + service.getSimpleName() + " failed: " + error));
    }
    return new ProviderScan<>(providers, violations);
  }

  /** The providers that loaded, in the order the service loader found them. */
  public List<LoadedProvider<S>> providers() {
    return providers;
  }

  /** One violation per provider that failed to load or instantiate. */
  public List<Violation> violations() {
    return violations;
  }

  private static String listedWhere(Map<String, Set<String>> listedIn, String className) {
    Set<String> origins = listedIn.get(className);
    if (origins == null || origins.isEmpty()) {
      return "(listed on the classpath)";
    }
    return "(listed in META-INF/services of " + String.join(", ", origins) + ")";
  }

  /** Returns why {@code className} cannot be a provider, without running its code. */
  private static String diagnose(Class<?> service, String className, ClassLoader loader) {
    Class<?> type;
    try {
      type = Class.forName(className, false, loader);
    } catch (ClassNotFoundException e) {
      return "class " + className + " not found";
    } catch (LinkageError e) {
      return e.toString();
    }
    if (!service.isAssignableFrom(type)) {
      return "class " + className + " does not implement " + service.getName();
    }
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      return "class " + className + " is abstract";
    }
    if (!Modifier.isPublic(type.getModifiers())) {
      return "class " + className + " is not public";
    }
    try {
      type.getConstructor();
    } catch (NoSuchMethodException e) {
      return "class " + className + " has no public no-argument constructor";
    } catch (LinkageError | SecurityException e) {
      return e.toString();
    }
    return "the service loader rejected it";
  }

  /** Reads every {@code META-INF/services} file of {@code service}: class name to origins. */
  private static Map<String, Set<String>> listings(Class<?> service, Plugins plugins) {
    Map<String, Set<String>> listedIn = new LinkedHashMap<>();
    Enumeration<URL> files;
    try {
      files = plugins.loader().getResources("META-INF/services/" + service.getName());
    } catch (IOException e) {
      return listedIn;
    }
    while (files.hasMoreElements()) {
      URL file = files.nextElement();
      String origin = plugins.originOfResource(file);
      for (String className : readNames(file)) {
        listedIn.computeIfAbsent(className, name -> new LinkedHashSet<>()).add(origin);
      }
    }
    return listedIn;
  }

  private static List<String> readNames(URL file) {
    List<String> names = new ArrayList<>();
    try (InputStream in = file.openStream();
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        int comment = line.indexOf('#');
        String name = (comment < 0 ? line : line.substring(0, comment)).strip();
        if (!name.isEmpty()) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      // An unreadable listing is reported by the service loader itself during the scan.
    }
    return names;
  }

  private static int listedCount(Map<String, Set<String>> listedIn) {
    return listedIn.size();
  }
}
