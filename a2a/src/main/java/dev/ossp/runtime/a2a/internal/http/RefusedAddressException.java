package dev.ossp.runtime.a2a.internal.http;

import java.net.UnknownHostException;

/**
 * A host resolved only to addresses the outbound policy rejects. Thrown by {@link
 * GuardedDnsResolver} before HttpClient opens a socket, and turned into a {@code VALIDATION} error
 * by the client.
 */
public final class RefusedAddressException extends UnknownHostException {
  private static final long serialVersionUID = 1L;

  /** Creates the error for {@code host}, whose address lies in {@code range}. */
  public RefusedAddressException(String host, String address, AddressRange range) {
    super(
        "outbound address "
            + address
            + " of host '"
            + host
            + "' is in the rejected range "
            + range
            + " (link-local, cloud metadata or private); add it to a2a.outbound.allowed-ranges"
            + " to allow it");
  }
}
