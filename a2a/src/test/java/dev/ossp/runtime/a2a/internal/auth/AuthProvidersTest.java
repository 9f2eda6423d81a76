package dev.ossp.runtime.a2a.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossp.runtime.auth.AuthProvider;
import dev.ossp.runtime.auth.AuthSettings;
import dev.ossp.runtime.auth.OutboundRequest;
import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class AuthProvidersTest {
  /** Collects what a provider sets. */
  private static final class Recorded implements OutboundRequest {
    final Map<String, String> headers = new LinkedHashMap<>();
    final List<String> query = new ArrayList<>();
    final List<String> cookies = new ArrayList<>();

    @Override
    public URI uri() {
      return URI.create("http://127.0.0.1/");
    }

    @Override
    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name));
    }

    @Override
    public void setHeader(String name, String value) {
      headers.put(name, value);
    }

    @Override
    public void addQueryParameter(String name, String value) {
      query.add(name + "=" + value);
    }

    @Override
    public void addCookie(String name, String value) {
      cookies.add(name + "=" + value);
    }
  }

  private static AuthSettings settings(String... pairs) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put(pairs[i], pairs[i + 1]);
    }
    return new AuthSettings("urn:agent:test:echo", values);
  }

  @Test
  void allFiveProvidersAreRegistered() {
    // when
    List<String> names = new ArrayList<>();
    ServiceLoader.load(AuthProvider.class).forEach(provider -> names.add(provider.name()));

    // then
    assertThat(names).containsExactlyInAnyOrder("none", "bearer", "api-key", "basic", "delegation");
  }

  @Test
  void bearerReadsEnvironmentFreshOnEveryCall() {
    // given
    Map<String, String> environment = new HashMap<>();
    BearerAuthProvider provider = new BearerAuthProvider(environment::get);
    AuthSettings settings = settings("token-env", "AGENT_TOKEN");

    // when: the variable is missing
    OsspException missing =
        catchThrowableOfType(
            OsspException.class, () -> provider.authenticate(new Recorded(), settings));

    // then
    assertThat(missing.kind()).isEqualTo(ErrorKind.AUTH);
    assertThat(missing.getMessage()).contains("AGENT_TOKEN").contains("urn:agent:test:echo");

    // when: set, then rotated
    environment.put("AGENT_TOKEN", "first-token");
    Recorded first = new Recorded();
    provider.authenticate(first, settings);
    environment.put("AGENT_TOKEN", "second-token");
    Recorded second = new Recorded();
    provider.authenticate(second, settings);

    // then
    assertThat(first.headers).containsEntry("Authorization", "Bearer first-token");
    assertThat(second.headers).containsEntry("Authorization", "Bearer second-token");
    assertThat(settings.toString()).doesNotContain("first-token").contains("token-env");
  }

  @Test
  void apiKeyGoesWhereSettingsSay() {
    // given
    ApiKeyAuthProvider provider = new ApiKeyAuthProvider(name -> null);
    Recorded header = new Recorded();
    Recorded query = new Recorded();
    Recorded cookie = new Recorded();

    // when
    provider.authenticate(header, settings("key", "k1"));
    provider.authenticate(query, settings("key", "k2", "in", "query", "name", "api_key"));
    provider.authenticate(cookie, settings("key", "k3", "in", "cookie", "name", "session"));
    OsspException bad =
        catchThrowableOfType(
            OsspException.class,
            () -> provider.authenticate(new Recorded(), settings("key", "k4", "in", "body")));

    // then
    assertThat(header.headers).containsEntry("X-API-Key", "k1");
    assertThat(query.query).containsExactly("api_key=k2");
    assertThat(cookie.cookies).containsExactly("session=k3");
    assertThat(bad.kind()).isEqualTo(ErrorKind.VALIDATION);
    assertThat(bad.getMessage()).contains("header, query or cookie").doesNotContain("k4");
  }

  @Test
  void basicEncodesUtf8AndRejectsColonInUser() {
    // given
    BasicAuthProvider provider = new BasicAuthProvider(name -> name.equals("PW") ? "päss" : null);
    Recorded request = new Recorded();

    // when
    provider.authenticate(request, settings("username", "agent", "password-env", "PW"));
    OsspException colon =
        catchThrowableOfType(
            OsspException.class,
            () ->
                provider.authenticate(
                    new Recorded(), settings("username", "a:b", "password", "x")));

    // then
    assertThat(request.headers)
        .containsEntry(
            "Authorization",
            "Basic "
                + java.util.Base64.getEncoder()
                    .encodeToString(
                        "agent:päss".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(colon.kind()).isEqualTo(ErrorKind.VALIDATION);
  }

  @Test
  void delegationChainNeverHoldsPlaceholders() {
    // given
    DelegationAuthProvider provider = new DelegationAuthProvider();
    Recorded full = new Recorded();
    Recorded noAgent = new Recorded();
    Recorded empty = new Recorded();

    // when
    provider.authenticate(
        full, settings("chain", "urn:agent:a:x, urn:agent:a:y", "agent", "urn:agent:a:z"));
    provider.authenticate(noAgent, settings("chain", "urn:agent:a:x,, "));
    provider.authenticate(empty, settings());

    // then
    assertThat(full.headers)
        .containsEntry("x-agent-delegation", "urn:agent:a:x -> urn:agent:a:y -> urn:agent:a:z");
    assertThat(noAgent.headers).containsEntry("x-agent-delegation", "urn:agent:a:x");
    assertThat(empty.headers).isEmpty();
  }
}
