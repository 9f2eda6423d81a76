package dev.ossp.runtime.a2a.internal.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * A block of IP addresses in CIDR notation, such as {@code 169.254.0.0/16} or {@code
 * fd00:ec2::254/128}. An IPv4 range also matches the IPv4-mapped IPv6 form of its addresses.
 *
 * @param network the network address bytes (4 or 16)
 * @param prefixLength the number of leading bits that must match
 * @param text the range as written
 */
public record AddressRange(byte[] network, int prefixLength, String text) {
  /** Checks the prefix length against the address family. */
  public AddressRange {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(text, "text");
    network = network.clone();
    if (prefixLength < 0 || prefixLength > network.length * 8) {
      throw new IllegalArgumentException(
          "prefix length of '" + text + "' must be in 0.." + network.length * 8);
    }
  }

  /**
   * Parses {@code address/prefix}, or a single address (the whole address must match).
   *
   * @throws IllegalArgumentException naming the text when it is not an IP literal with an optional
   *     prefix length
   */
  public static AddressRange parse(String text) {
    Objects.requireNonNull(text, "text");

    String trimmed = text.strip();
    int slash = trimmed.indexOf('/');
    String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
    if (!address.matches("[0-9a-fA-F:.]+")) {
      throw new IllegalArgumentException(
          "address range '"
              + text
              + "' must be an IP literal with an optional /prefix, such as"
              + " 10.0.0.0/8 or fd00::/8; host names are not allowed");
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("address range '" + text + "' is not a valid IP literal");
    }
    int prefix;
    try {
      prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(trimmed.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "address range '" + text + "' has an invalid prefix length");
    }
    return new AddressRange(bytes, prefix, trimmed);
  }

  /** Returns whether {@code address} lies in this range. */
  public boolean contains(InetAddress address) {
    Objects.requireNonNull(address, "address");

    byte[] candidate = address.getAddress();
    if (candidate.length == 16 && network.length == 4 && isIpv4Mapped(candidate)) {
      byte[] ipv4 = new byte[4];
      System.arraycopy(candidate, 12, ipv4, 0, 4);
      candidate = ipv4;
    }
    if (candidate.length != network.length) {
      return false;
    }
    int fullBytes = prefixLength / 8;
    for (int i = 0; i < fullBytes; i++) {
      if (candidate[i] != network[i]) {
        return false;
      }
    }
    int remainingBits = prefixLength % 8;
    if (remainingBits == 0) {
      return true;
    }
    int mask = (0xFF << (8 - remainingBits)) & 0xFF;
    return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
  }

  private static boolean isIpv4Mapped(byte[] address) {
    for (int i = 0; i < 10; i++) {
      if (address[i] != 0) {
        return false;
      }
    }
    return (address[10] & 0xFF) == 0xFF && (address[11] & 0xFF) == 0xFF;
  }

  @Override
  public boolean equals(@org.jspecify.annotations.Nullable Object other) {
    return other instanceof AddressRange that
        && prefixLength == that.prefixLength
        && java.util.Arrays.equals(network, that.network);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Arrays.hashCode(network) + prefixLength;
  }

  @Override
  public String toString() {
    return text;
  }
}
