package dev.ossp.runtime.mcp.internal.jsonrpc;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Writes the params object of a request straight into the outgoing message, so a caller with its
 * own params type needs no JSON tree.
 *
 * @param <P> the params source
 */
@FunctionalInterface
public interface ParamsWriter<P> {
  /**
   * Writes the params object, from its start to its end.
   *
   * @param progressToken the token to put in {@code _meta.progressToken}, or -1 for none
   * @throws IllegalArgumentException if {@code params} cannot be written; nothing is sent then
   */
  void write(JsonGenerator generator, P params, long progressToken) throws IOException;
}
