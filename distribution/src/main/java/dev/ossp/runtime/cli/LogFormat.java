package dev.ossp.runtime.cli;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.joran.util.ConfigurationWatchListUtil;
import ch.qos.logback.core.util.StatusPrinter2;
import dev.ossp.runtime.config.RuntimeConfig;
import dev.ossp.runtime.core.CoreConfigKeys;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code log.format} to logback. {@code conf/logback.xml} picks its appender from the
 * system property {@value #PROPERTY} when logback starts, which is before any configuration file is
 * read. So a format set in {@code runtime.yaml}, in {@code OSSP_LOG_FORMAT} or with {@code --set}
 * takes effect here: the property is set to it and logback reads its configuration file again.
 */
final class LogFormat {
  private static final Logger LOG = LoggerFactory.getLogger(LogFormat.class);

  /** The system property that {@code conf/logback.xml} reads; also the setting's JVM option. */
  static final String PROPERTY = "ossp.log.format";

  private static final String DEFAULT = "text";

  private LogFormat() {}

  /** Switches the log format to the one {@code config} resolved, when it differs. */
  static void apply(RuntimeConfig config) {
    apply(config.get(CoreConfigKeys.LOG_FORMAT), LoggerFactory.getILoggerFactory());
  }

  /**
   * Switches logback to {@code format} and returns true, or returns false when it already logs in
   * that format or is not the logging backend.
   */
  static synchronized boolean apply(String format, ILoggerFactory factory) {
    Objects.requireNonNull(format, "format");

    if (format.equals(System.getProperty(PROPERTY, DEFAULT))) {
      return false;
    }
    if (!(factory instanceof LoggerContext context)) {
      // Another SLF4J backend has a configuration of its own, which sets the format.
      return false;
    }
    URL configuration = configurationFile(context);
    if (configuration == null) {
      LOG.warn(
          "log.format is '{}', but logback was not configured from a file; the log format stays as"
              + " it is. Use -D{}={} or a logback configuration file of your own",
          format,
          PROPERTY,
          format);
      return false;
    }
    System.setProperty(PROPERTY, format);
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(configuration);
    } catch (JoranException e) {
      // Logging may be down now, so the reason goes to standard error with logback's own status.
      System.err.println(
          "ossp-runtime: reading " + configuration + " again for log.format failed: " + e);
      new StatusPrinter2().printInCaseOfErrorsOrWarnings(context);
      return false;
    }
    LOG.debug("log format switched to '{}' by log.format", format);
    return true;
  }

  /**
   * Returns the file logback read at startup: the one it recorded, else the one named by {@code
   * -Dlogback.configurationFile} (which the launcher sets), or null.
   */
  private static @Nullable URL configurationFile(LoggerContext context) {
    URL recorded = ConfigurationWatchListUtil.getMainWatchURL(context);
    if (recorded != null) {
      return recorded;
    }
    String named = System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY);
    if (named == null || named.isBlank()) {
      return null;
    }
    try {
      Path file = Path.of(named);
      if (Files.isRegularFile(file)) {
        return file.toUri().toURL();
      }
    } catch (InvalidPathException | MalformedURLException e) {
      // Not a file name; logback also accepts a URL here.
    }
    try {
      return new URL(named);
    } catch (MalformedURLException e) {
      return null;
    }
  }
}
