package dev.ossp.runtime.mcp;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One content block of a tool result, prompt message or sampling message. Binary data stays
 * base64-encoded as the server sent it. {@link Unknown} keeps a block of a type this client does
 * not know, as JSON, so newer servers do not break older clients.
 */
public sealed interface McpContent
    permits McpContent.Text,
        McpContent.Image,
        McpContent.Audio,
        McpContent.ResourceLink,
        McpContent.EmbeddedResource,
        McpContent.Unknown {

  /** The block's {@code type} on the wire, such as {@code text}. */
  String type();

  /**
   * Text content.
   *
   * @param text the text
   */
  record Text(String text) implements McpContent {
    /** Checks the text is present. */
    public Text {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String type() {
      return "text";
    }
  }

  /**
   * An image.
   *
   * @param data the image bytes, base64-encoded
   * @param mimeType the image's media type, such as {@code image/png}
   */
  record Image(String data, String mimeType) implements McpContent {
    /** Checks both parts are present. */
    public Image {
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(mimeType, "mimeType");
    }

    /** Returns the decoded image bytes. */
    public byte[] bytes() {
      return java.util.Base64.getMimeDecoder().decode(data);
    }

    @Override
    public String type() {
      return "image";
    }
  }

  /**
   * Audio.
   *
   * @param data the audio bytes, base64-encoded
   * @param mimeType the audio's media type, such as {@code audio/wav}
   */
  record Audio(String data, String mimeType) implements McpContent {
    /** Checks both parts are present. */
    public Audio {
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(mimeType, "mimeType");
    }

    /** Returns the decoded audio bytes. */
    public byte[] bytes() {
      return java.util.Base64.getMimeDecoder().decode(data);
    }

    @Override
    public String type() {
      return "audio";
    }
  }

  /**
   * A link to a resource the client may read with {@code resources/read}.
   *
   * @param uri the resource URI
   * @param name the resource's name
   * @param title a display title, or null
   * @param description a description, or null
   * @param mimeType the media type, or null
   */
  record ResourceLink(
      String uri,
      String name,
      @Nullable String title,
      @Nullable String description,
      @Nullable String mimeType)
      implements McpContent {
    /** Checks the URI and name are present. */
    public ResourceLink {
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String type() {
      return "resource_link";
    }
  }

  /**
   * A resource embedded in the content.
   *
   * @param resource the resource's contents
   */
  record EmbeddedResource(McpResourceContents resource) implements McpContent {
    /** Checks the resource is present. */
    public EmbeddedResource {
      Objects.requireNonNull(resource, "resource");
    }

    @Override
    public String type() {
      return "resource";
    }
  }

  /**
   * A block of a type this client does not know.
   *
   * @param type the block's {@code type}
   * @param json the whole block as JSON
   */
  record Unknown(String type, String json) implements McpContent {
    /** Checks both parts are present. */
    public Unknown {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(json, "json");
    }
  }
}
