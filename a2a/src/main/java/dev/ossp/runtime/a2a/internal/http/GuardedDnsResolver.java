package dev.ossp.runtime.a2a.internal.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Resolves host names for HttpClient and drops every address the {@link OutboundPolicy} rejects, so
 * the check applies to the very addresses HttpClient connects to. A host left with no address fails
 * with {@link RefusedAddressException} before any socket is opened. Thread-safe.
 */
public final class GuardedDnsResolver implements DnsResolver {
  private final DnsResolver delegate;
  private final OutboundPolicy policy;

  /** Creates a resolver that checks what {@code delegate} resolves. */
  public GuardedDnsResolver(DnsResolver delegate, OutboundPolicy policy) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** Creates a resolver over the system resolver. */
  public static GuardedDnsResolver system(OutboundPolicy policy) {
    return new GuardedDnsResolver(SystemDefaultDnsResolver.INSTANCE, policy);
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    InetAddress[] addresses = delegate.resolve(host);
    List<InetAddress> accepted = new ArrayList<>(addresses.length);
    RefusedAddressException firstRefusal = null;
    for (InetAddress address : addresses) {
      Optional<AddressRange> range = policy.refusedRange(address);
      if (range.isEmpty()) {
        accepted.add(address);
      } else if (firstRefusal == null) {
        firstRefusal = new RefusedAddressException(host, address.getHostAddress(), range.get());
      }
    }
    if (accepted.isEmpty() && firstRefusal != null) {
      throw firstRefusal;
    }
    return accepted.toArray(new InetAddress[0]);
  }

  @Override
  public String resolveCanonicalHostname(String host) throws UnknownHostException {
    return delegate.resolveCanonicalHostname(host);
  }
}
