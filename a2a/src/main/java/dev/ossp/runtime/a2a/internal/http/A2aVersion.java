package dev.ossp.runtime.a2a.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The module's version, from a resource the build fills in; {@code dev} when it is missing. */
final class A2aVersion {
  static final String VERSION = load();

  private A2aVersion() {}

  private static String load() {
    try (InputStream in = A2aVersion.class.getResourceAsStream("a2a-version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "dev").strip();
      return version.isEmpty() || version.startsWith("${") ? "dev" : version;
    } catch (IOException e) {
      return "dev";
    }
  }
}
