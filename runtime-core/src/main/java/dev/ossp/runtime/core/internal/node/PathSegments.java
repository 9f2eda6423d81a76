package dev.ossp.runtime.core.internal.node;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splits request paths and templates into segments and percent-decodes path segments. */
public final class PathSegments {
  private PathSegments() {}

  /**
   * Splits an absolute path at {@code /}: {@code /} has no segments, {@code /a/b} has two, and
   * {@code /a/} ends with an empty one.
   */
  public static List<String> split(String path) {
    if (path.isEmpty() || path.equals("/")) {
      return List.of();
    }
    String relative = path.startsWith("/") ? path.substring(1) : path;
    return List.of(relative.split("/", -1));
  }

  /** Decodes every segment once. */
  public static List<String> decodeAll(List<String> rawSegments) {
    List<String> decoded = new ArrayList<>(rawSegments.size());
    for (String segment : rawSegments) {
      decoded.add(decode(segment));
    }
    return decoded;
  }

  /**
   * Decodes {@code %XX} escapes once, as UTF-8. A {@code +} stays a plus sign, as in any path.
   *
   * @throws IllegalArgumentException on a truncated or non-hex escape, or bytes that are not UTF-8
   */
  public static String decode(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c != '%') {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
        continue;
      }
      if (i + 2 >= segment.length()) {
        throw new IllegalArgumentException(
            "truncated percent-escape in path segment '" + segment + "'");
      }
      int high = Character.digit(segment.charAt(i + 1), 16);
      int low = Character.digit(segment.charAt(i + 2), 16);
      if (high < 0 || low < 0) {
        throw new IllegalArgumentException(
            "invalid percent-escape in path segment '" + segment + "'");
      }
      bytes.write(high * 16 + low);
      i += 2;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          "path segment '" + segment + "' is not UTF-8 once decoded");
    }
  }
}
