package dev.ossp.runtime.a2a.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossp.runtime.a2a.AgentHttpClient;
import dev.ossp.runtime.a2a.CallOptions;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.Test;

class OutboundPolicyTest {
  private static InetAddress literal(String text) throws UnknownHostException {
    return InetAddress.getByName(text);
  }

  @Test
  void defaultPolicyRejectsLinkLocalAndMetadata() throws Exception {
    // given
    OutboundPolicy policy = OutboundPolicy.defaults();

    // then
    assertThat(policy.refusedRange(literal("169.254.169.254"))).isPresent();
    assertThat(policy.refusedRange(literal("169.254.1.2"))).isPresent();
    assertThat(policy.refusedRange(literal("fd00:ec2::254"))).isPresent();
    assertThat(policy.refusedRange(literal("fe80::1"))).isPresent();
    assertThat(policy.refusedRange(literal("::ffff:169.254.169.254"))).isPresent();
    assertThat(policy.refusedRange(literal("127.0.0.1"))).isEmpty();
    assertThat(policy.refusedRange(literal("::1"))).isEmpty();
    assertThat(policy.refusedRange(literal("10.1.2.3"))).isEmpty();
    assertThat(policy.refusedRange(literal("203.0.113.7"))).isEmpty();
  }

  @Test
  void privateRangesRejectedOnlyWhenAskedAndAllowListOpensThem() throws Exception {
    // given
    OutboundPolicy strict = new OutboundPolicy(true, List.of());
    OutboundPolicy opened =
        new OutboundPolicy(
            true,
            List.of(AddressRange.parse("10.20.0.0/16"), AddressRange.parse("169.254.7.0/24")));

    // then
    assertThat(strict.refusedRange(literal("10.20.1.1"))).isPresent();
    assertThat(strict.refusedRange(literal("172.16.0.1"))).isPresent();
    assertThat(strict.refusedRange(literal("192.168.1.1"))).isPresent();
    assertThat(strict.refusedRange(literal("fd12::1"))).isPresent();
    assertThat(opened.refusedRange(literal("10.20.1.1"))).isEmpty();
    assertThat(opened.refusedRange(literal("10.21.1.1"))).isPresent();
    assertThat(opened.refusedRange(literal("169.254.7.9"))).isEmpty();
    assertThat(opened.refusedRange(literal("169.254.169.254"))).isPresent();
  }

  @Test
  void rangeParserRejectsHostNamesAndBadPrefixes() {
    assertThatThrownBy(() -> AddressRange.parse("metadata.example"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("host names are not allowed");
    assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/33"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0..32");
    assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prefix length");
  }

  @Test
  void refusedAddressFailsBeforeAnyConnection() {
    // given: a resolver that maps one name to the metadata address and counts lookups; the
    // refusal happens inside resolution, so no socket is ever opened to that address
    AtomicInteger lookups = new AtomicInteger();
    DnsResolver resolver =
        new DnsResolver() {
          @Override
          public InetAddress[] resolve(String host) throws UnknownHostException {
            lookups.incrementAndGet();
            if (host.equals("metadata.test")) {
              return new InetAddress[] {
                InetAddress.getByAddress(
                    "metadata.test", new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254})
              };
            }
            return InetAddress.getAllByName(host);
          }

          @Override
          public String resolveCanonicalHostname(String host) {
            return host;
          }
        };
    try (DefaultAgentHttpClient client =
        DefaultAgentHttpClient.builder(new HttpTransport(ClientSettings.defaults(), null, resolver))
            .build()) {

      // when
      long start = System.nanoTime();
      OsspException error =
          catchThrowableOfType(
              OsspException.class,
              () -> client.request(URI.create("http://metadata.test/latest"), CallOptions.get()));
      long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

      // then
      assertThat(error.kind()).isEqualTo(ErrorKind.VALIDATION);
      assertThat(error.retryable()).isFalse();
      assertThat(error.getMessage()).contains("169.254.169.254").contains("169.254.0.0/16");
      assertThat(error.context().details())
          .containsEntry(AgentHttpClient.DETAIL_OUTCOME, AgentHttpClient.OUTCOME_NOT_SENT);
      assertThat(error.context().attempts()).isEqualTo(1);
      assertThat(lookups.get()).isEqualTo(1);
      assertThat(elapsedMillis).isLessThan(1_000);
    }
  }

  @Test
  void onlyHttpAndHttpsAreAllowed() {
    // given
    try (DefaultAgentHttpClient client =
        DefaultAgentHttpClient.builder(
                new HttpTransport(
                    ClientSettings.defaults(),
                    null,
                    org.apache.hc.client5.http.SystemDefaultDnsResolver.INSTANCE))
            .build()) {

      // when
      OsspException error =
          catchThrowableOfType(
              OsspException.class,
              () -> client.request(URI.create("file:///etc/passwd"), CallOptions.get()));
      OsspException credentials =
          catchThrowableOfType(
              OsspException.class,
              () -> client.request(URI.create("http://user:pw@127.0.0.1:1/"), CallOptions.get()));

      // then
      assertThat(error.kind()).isEqualTo(ErrorKind.VALIDATION);
      assertThat(error.getMessage()).contains("'file'");
      assertThat(credentials.kind()).isEqualTo(ErrorKind.VALIDATION);
      assertThat(credentials.getMessage()).doesNotContain("pw");
    }
  }
}
