package dev.ossp.runtime.mcp.internal.client;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ossp.runtime.mcp.McpToolCall;
import dev.ossp.runtime.mcp.internal.jsonrpc.Json;
import dev.ossp.runtime.mcp.internal.jsonrpc.OutgoingMessage;
import dev.ossp.runtime.mcp.internal.jsonrpc.ParamsWriter;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Writes the params of {@code tools/call}: {@code name}, {@code arguments} and, for a call with a
 * progress listener, {@code _meta.progressToken}.
 *
 * <p>Arguments given as JSON text that is one ASCII object on one line are checked with a reused
 * parser and copied as they are. Other text is parsed into a tree and written compactly, which also
 * rejects text that is not a JSON object. Arguments given as a map are converted the same way.
 */
final class ToolCallParams {
  static final ParamsWriter<McpToolCall> WRITER = ToolCallParams::write;

  private static final SerializedString NAME = new SerializedString("name");
  private static final SerializedString ARGUMENTS = new SerializedString("arguments");
  private static final SerializedString META = new SerializedString("_meta");
  private static final SerializedString PROGRESS_TOKEN = new SerializedString("progressToken");

  private ToolCallParams() {}

  private static void write(JsonGenerator generator, McpToolCall call, long progressToken)
      throws IOException {
    generator.writeStartObject();
    generator.writeFieldName(NAME);
    generator.writeString(call.name());
    generator.writeFieldName(ARGUMENTS);
    writeArguments(generator, call);
    if (progressToken >= 0) {
      generator.writeFieldName(META);
      generator.writeStartObject();
      generator.writeFieldName(PROGRESS_TOKEN);
      generator.writeNumber(progressToken);
      generator.writeEndObject();
    }
    generator.writeEndObject();
  }

  private static void writeArguments(JsonGenerator generator, McpToolCall call) throws IOException {
    String json = call.argumentsJson().orElse(null);
    if (json != null
        && generator.getOutputTarget() instanceof OutgoingMessage message
        && message.writeObjectIfPlain(json)) {
      return;
    }
    Json.MAPPER.writeTree(generator, argumentsTree(call, json));
  }

  private static JsonNode argumentsTree(McpToolCall call, @Nullable String json) {
    if (json != null) {
      JsonNode arguments = Json.parse(json, "arguments of tool '" + call.name() + "'");
      if (!arguments.isObject()) {
        throw new IllegalArgumentException(
            "arguments of tool '" + call.name() + "' must be a JSON object");
      }
      return arguments;
    }
    try {
      return Json.MAPPER.valueToTree(call.arguments());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "arguments of tool '" + call.name() + "' cannot be written as JSON: " + e.getMessage(),
          e);
    }
  }
}
