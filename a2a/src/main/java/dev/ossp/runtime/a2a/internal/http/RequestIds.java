package dev.ossp.runtime.a2a.internal.http;

import java.util.concurrent.ThreadLocalRandom;

/** Random request ids: 32 lower-case hex digits, without the contention of a secure random. */
public final class RequestIds {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private RequestIds() {}

  /** Returns a new id. */
  public static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] text = new char[32];
    long high = random.nextLong();
    long low = random.nextLong();
    for (int i = 0; i < 16; i++) {
      text[15 - i] = HEX[(int) (high >>> (4 * i)) & 0xF];
      text[31 - i] = HEX[(int) (low >>> (4 * i)) & 0xF];
    }
    return new String(text);
  }
}
