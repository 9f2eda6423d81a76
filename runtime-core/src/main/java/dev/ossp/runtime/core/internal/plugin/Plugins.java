package dev.ossp.runtime.core.internal.plugin;

import dev.ossp.runtime.config.ConfigException;
import dev.ossp.runtime.error.Violation;
import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.jar.JarFile;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin jars and the one class loader over them. Every {@code *.jar} in the plugins directory
 * is loaded, sorted by file name, by a single {@link URLClassLoader} whose parent is the
 * application's class loader, so plugins see the API and the classpath and see each other.
 *
 * <p>Thread-safe; {@link #close()} closes the plugin class loader.
 */
public final class Plugins implements Closeable {
  /** The origin of classes that are not in a plugin jar. */
  public static final String CLASSPATH = "classpath";

  private static final Logger LOG = LoggerFactory.getLogger(Plugins.class);

  private final ClassLoader loader;
  private final @Nullable URLClassLoader pluginLoader;
  private final List<Path> jars;
  private final Map<String, String> jarNameByUrl;

  private Plugins(
      ClassLoader loader,
      @Nullable URLClassLoader pluginLoader,
      List<Path> jars,
      Map<String, String> jarNameByUrl) {
    this.loader = loader;
    this.pluginLoader = pluginLoader;
    this.jars = List.copyOf(jars);
    this.jarNameByUrl = Map.copyOf(jarNameByUrl);
  }

  /**
   * Opens the plugins in {@code directory}. A missing directory means no plugins.
   *
   * @param directory the plugins directory, the value of {@code runtime.plugins-dir}
   * @param source the config source of the directory, for messages
   * @param parent the application's class loader
   * @throws ConfigException if the path is not a directory, cannot be listed, or contains a jar
   *     that is not a valid zip file; the message names each bad jar
   */
  public static Plugins open(Path directory, String source, ClassLoader parent) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(parent, "parent");

    if (!Files.exists(directory)) {
      LOG.debug("plugins directory {} does not exist; loading no plugins", directory);
      return new Plugins(parent, null, List.of(), Map.of());
    }
    if (!Files.isDirectory(directory)) {
      throw new ConfigException(
          new Violation(
              "runtime.plugins-dir",
              "plugins directory '"
                  + directory
                  + "' (from "
                  + source
                  + ") is a file; set runtime.plugins-dir to a directory"));
    }
    List<Path> jars = listJars(directory);
    List<Violation> violations = new ArrayList<>();
    List<URL> urls = new ArrayList<>();
    Map<String, String> jarNameByUrl = new java.util.LinkedHashMap<>();
    for (Path jar : jars) {
      String problem = checkJar(jar);
      if (problem != null) {
        violations.add(new Violation("runtime.plugins-dir", problem));
        continue;
      }
      try {
        URL url = jar.toUri().toURL();
        urls.add(url);
        jarNameByUrl.put(url.toExternalForm(), jar.getFileName().toString());
      } catch (MalformedURLException e) {
        violations.add(
            new Violation(
                "runtime.plugins-dir",
                "plugin jar '" + jar.getFileName() + "' has no valid URL: " + e.getMessage()));
      }
    }
    if (!violations.isEmpty()) {
      throw new ConfigException(violations);
    }
    if (urls.isEmpty()) {
      return new Plugins(parent, null, List.of(), Map.of());
    }
    URLClassLoader pluginLoader =
        new URLClassLoader("ossp-plugins", urls.toArray(new URL[0]), parent);
    LOG.info("loading {} plugin jar(s) from {}: {}", jars.size(), directory, jarNames(jars));
    return new Plugins(pluginLoader, pluginLoader, jars, jarNameByUrl);
  }

  /** Returns plugins made of the application's class loader alone. */
  public static Plugins none(ClassLoader parent) {
    return new Plugins(Objects.requireNonNull(parent, "parent"), null, List.of(), Map.of());
  }

  /** The class loader to look providers up in: the plugin loader, or the application's. */
  public ClassLoader loader() {
    return loader;
  }

  /** The plugin jars, sorted by file name. */
  public List<Path> jars() {
    return jars;
  }

  /** Returns {@code classpath}, or the file name of the plugin jar that {@code type} came from. */
  public String originOf(Class<?> type) {
    CodeSource codeSource = type.getProtectionDomain().getCodeSource();
    if (codeSource == null || codeSource.getLocation() == null) {
      return CLASSPATH;
    }
    return jarNameByUrl.getOrDefault(codeSource.getLocation().toExternalForm(), CLASSPATH);
  }

  /**
   * Returns {@code classpath}, or the file name of the plugin jar that contains the resource at
   * {@code url}, such as a {@code META-INF/services} file.
   */
  public String originOfResource(URL url) {
    String text = url.toExternalForm();
    if (text.startsWith("jar:")) {
      int separator = text.indexOf("!/");
      String jarUrl = text.substring(4, separator < 0 ? text.length() : separator);
      return jarNameByUrl.getOrDefault(jarUrl, CLASSPATH);
    }
    return CLASSPATH;
  }

  @Override
  public void close() throws IOException {
    if (pluginLoader != null) {
      pluginLoader.close();
    }
  }

  private static List<Path> listJars(Path directory) {
    List<Path> jars = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.jar")) {
      for (Path entry : entries) {
        if (Files.isRegularFile(entry)) {
          jars.add(entry);
        }
      }
    } catch (IOException e) {
      throw new ConfigException(
          new Violation(
              "runtime.plugins-dir",
              "plugins directory '" + directory + "' cannot be listed: " + e.getMessage()));
    }
    jars.sort(Comparator.comparing(jar -> jar.getFileName().toString()));
    return jars;
  }

  private static @Nullable String checkJar(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      file.getManifest();
      return null;
    } catch (IOException | SecurityException e) {
      return "plugin jar '" + jar.getFileName() + "' is not a valid jar: " + e.getMessage();
    }
  }

  private static List<String> jarNames(List<Path> jars) {
    List<String> names = new ArrayList<>();
    for (Path jar : jars) {
      names.add(jar.getFileName().toString());
    }
    return names;
  }
}
