package dev.ossp.runtime.mcp.internal.jsonrpc;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ResultParser} that can also read the result from a token stream, without a tree. The
 * stream form handles the common shapes; for any other it returns null and the session falls back
 * to {@link #parse(com.fasterxml.jackson.databind.JsonNode)}, which also produces the errors.
 *
 * @param <T> the value type
 */
public interface StreamingResultParser<T> extends ResultParser<T> {
  /**
   * Reads the result from {@code parser}, positioned on the result's {@code START_OBJECT}.
   *
   * @return the value, or null to have the result parsed as a tree instead; the parser may then be
   *     anywhere inside the result
   */
  @Nullable T parse(JsonParser parser) throws IOException;
}
