package dev.ossp.runtime.discovery.internal.card;

/** The size bounds every registered card must respect. */
public final class CardLimits {
  /** The maximum size of a card, in UTF-8 bytes: 256 KiB. */
  public static final int MAX_CARD_BYTES = 256 * 1024;

  /** The maximum number of skills in a card. */
  public static final int MAX_SKILLS = 500;

  /** The maximum length of any string or field name in a card, in characters: 4 KiB. */
  public static final int MAX_STRING_LENGTH = 4096;

  /** The maximum nesting depth of objects and arrays in a card. */
  public static final int MAX_DEPTH = 32;

  /** The maximum number of interfaces a card may list. */
  public static final int MAX_INTERFACES = 64;

  private CardLimits() {}

  /** Returns the UTF-8 size of {@code text} without encoding it. */
  public static long utf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
