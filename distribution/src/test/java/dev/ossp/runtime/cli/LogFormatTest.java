package dev.ossp.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.ILoggerFactory;
import org.slf4j.helpers.NOPLogger;

class LogFormatTest {
  @AfterEach
  void clearProperty() {
    System.clearProperty(LogFormat.PROPERTY);
  }

  /** "text" is the format in use, and "json" cannot be applied to another SLF4J backend. */
  @ParameterizedTest
  @ValueSource(strings = {"text", "json"})
  void otherBackendChangesNothing(String format) {
    // given
    ILoggerFactory otherBackend = name -> NOPLogger.NOP_LOGGER;

    // when
    boolean switched = LogFormat.apply(format, otherBackend);

    // then
    assertThat(switched).isFalse();
    assertThat(System.getProperty(LogFormat.PROPERTY)).isNull();
  }
}
