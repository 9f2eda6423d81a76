package dev.ossp.runtime.mcp;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The contents of a resource: text, or binary data as base64. */
public sealed interface McpResourceContents
    permits McpResourceContents.Text, McpResourceContents.Blob {

  /** The resource URI. */
  String uri();

  /** The media type, if the server gave one. */
  @Nullable String mimeType();

  /**
   * Text contents.
   *
   * @param uri the resource URI
   * @param mimeType the media type, or null
   * @param text the text
   */
  record Text(String uri, @Nullable String mimeType, String text) implements McpResourceContents {
    /** Checks the URI and text are present. */
    public Text {
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * Binary contents.
   *
   * @param uri the resource URI
   * @param mimeType the media type, or null
   * @param blob the bytes, base64-encoded
   */
  record Blob(String uri, @Nullable String mimeType, String blob) implements McpResourceContents {
    /** Checks the URI and data are present. */
    public Blob {
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(blob, "blob");
    }

    /** Returns the decoded bytes. */
    public byte[] bytes() {
      return java.util.Base64.getMimeDecoder().decode(blob);
    }
  }
}
