package dev.ossp.runtime.a2a.internal.http;

import dev.ossp.runtime.error.ErrorContext;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which addresses the client may connect to. Only {@code http} and {@code https} URLs are allowed.
 * Link-local addresses (169.254.0.0/16, fe80::/10) and the cloud metadata addresses inside or
 * beside them (fd00:ec2::254) are rejected; with {@code refusePrivate}, so are the private ranges
 * 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 and fc00::/7. An address in an allowed range is
 * accepted even when a rejected range contains it. Loopback is always accepted.
 *
 * <p>The check runs on every address a host name resolves to, before any connection is made.
 * Immutable and thread-safe.
 */
public final class OutboundPolicy {
  /** The ranges rejected by default: link-local and cloud metadata addresses. */
  public static final List<AddressRange> LINK_LOCAL_AND_METADATA =
      List.of(
          AddressRange.parse("169.254.0.0/16"),
          AddressRange.parse("fe80::/10"),
          AddressRange.parse("fd00:ec2::254/128"));

  /** The private ranges rejected when {@code refusePrivate} is set. */
  public static final List<AddressRange> PRIVATE =
      List.of(
          AddressRange.parse("10.0.0.0/8"),
          AddressRange.parse("172.16.0.0/12"),
          AddressRange.parse("192.168.0.0/16"),
          AddressRange.parse("fc00::/7"));

  private final List<AddressRange> refused;
  private final List<AddressRange> allowed;

  /**
   * Creates a policy.
   *
   * @param refusePrivate whether private ranges are rejected too
   * @param allowed ranges accepted even when a rejected range contains them
   */
  public OutboundPolicy(boolean refusePrivate, List<AddressRange> allowed) {
    Objects.requireNonNull(allowed, "allowed");

    List<AddressRange> ranges = new ArrayList<>(LINK_LOCAL_AND_METADATA);
    if (refusePrivate) {
      ranges.addAll(PRIVATE);
    }
    this.refused = List.copyOf(ranges);
    this.allowed = List.copyOf(allowed);
  }

  /** Returns the default policy: link-local and metadata addresses rejected, nothing allowed. */
  public static OutboundPolicy defaults() {
    return new OutboundPolicy(false, List.of());
  }

  /**
   * Checks the URL's scheme and form.
   *
   * @throws OsspException of kind {@code VALIDATION} when the scheme is not http or https, or the
   *     URL has no host or carries credentials
   */
  public void checkUrl(URI url, String target) {
    Objects.requireNonNull(url, "url");

    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw refusal(
          "URL scheme '" + scheme + "' is not allowed for outbound calls; use http or https",
          target);
    }
    if (url.getHost() == null || url.getHost().isEmpty()) {
      throw refusal("outbound URL has no host", target);
    }
    if (url.getRawUserInfo() != null) {
      throw refusal(
          "outbound URL must not carry credentials; configure an auth provider instead", target);
    }
  }

  /** Returns the rejected range that contains {@code address}, unless an allowed range does. */
  public Optional<AddressRange> refusedRange(InetAddress address) {
    Objects.requireNonNull(address, "address");

    if (address.isLoopbackAddress()) {
      return Optional.empty();
    }
    for (AddressRange range : allowed) {
      if (range.contains(address)) {
        return Optional.empty();
      }
    }
    for (AddressRange range : refused) {
      if (range.contains(address)) {
        return Optional.of(range);
      }
    }
    return Optional.empty();
  }

  private static OsspException refusal(String message, String target) {
    return new OsspException(
        ErrorKind.VALIDATION,
        message,
        null,
        ErrorContext.builder().target(target).detail("outcome", "not-sent").build(),
        false);
  }

  @Override
  public String toString() {
    return "OutboundPolicy[refused=" + refused + ", allowed=" + allowed + "]";
  }
}
