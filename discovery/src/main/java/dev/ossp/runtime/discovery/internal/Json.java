package dev.ossp.runtime.discovery.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossp.runtime.discovery.internal.card.CardLimits;

/** The JSON mapper discovery reads cards, journal lines and request bodies with. */
public final class Json {
  /**
   * Rejects duplicate keys and trailing content, bounds the nesting depth, and allows strings as
   * long as a whole card so that a journal line can carry one.
   */
  public static final ObjectMapper MAPPER = createMapper();

  private Json() {}

  private static ObjectMapper createMapper() {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(CardLimits.MAX_DEPTH + 8)
                    .maxStringLength(4 * CardLimits.MAX_CARD_BYTES)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    ObjectMapper mapper = new ObjectMapper(factory);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    return mapper;
  }
}
