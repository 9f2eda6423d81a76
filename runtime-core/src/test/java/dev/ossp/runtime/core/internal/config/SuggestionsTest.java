package dev.ossp.runtime.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  private static final List<String> KEYS =
      List.of("node.port", "node.host", "node.max-body-size", "runtime.data-dir");

  @Test
  void transpositionCountsAsOneEdit() {
    // when / then
    assertThat(Suggestions.distance("node.prot", "node.port")).isEqualTo(1);
    assertThat(Suggestions.closest("node.prot", KEYS)).contains("node.port");
  }

  @Test
  void closeTyposAreSuggested() {
    // when / then
    assertThat(Suggestions.closest("node.max-bodysize", KEYS)).contains("node.max-body-size");
    assertThat(Suggestions.closest("runtime.datadir", KEYS)).contains("runtime.data-dir");
  }

  @Test
  void distantNamesGetNoSuggestion() {
    // when / then
    assertThat(Suggestions.closest("telemetry.exporter", KEYS)).isEmpty();
    assertThat(Suggestions.closest("node.xyz", KEYS)).isEmpty();
  }
}
