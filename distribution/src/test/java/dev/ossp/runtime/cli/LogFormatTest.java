package dev.ossp.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.ILoggerFactory;
import org.slf4j.helpers.NOPLogger;

class LogFormatTest {
  @AfterEach
  void clearProperty() {
    System.clearProperty(LogFormat.PROPERTY);
  }

  @Test
  void sameFormatChangesNothing() {
    // given
    ILoggerFactory otherBackend = name -> NOPLogger.NOP_LOGGER;

    // when
    boolean switched = LogFormat.apply("text", otherBackend);

    // then
    assertThat(switched).isFalse();
    assertThat(System.getProperty(LogFormat.PROPERTY)).isNull();
  }

  @Test
  void otherBackendKeepsItsFormat() {
    // given
    ILoggerFactory otherBackend = name -> NOPLogger.NOP_LOGGER;

    // when
    boolean switched = LogFormat.apply("json", otherBackend);

    // then
    assertThat(switched).isFalse();
    assertThat(System.getProperty(LogFormat.PROPERTY)).isNull();
  }
}
