package dev.ossp.runtime.a2a.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ossp.runtime.error.ErrorKind;
import dev.ossp.runtime.error.OsspException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class RouteUrlsTest {
  private static final String TARGET = "urn:agent:test:routes@1.0.0";

  @Test
  void joinMergesSlashesAndKeepsQueries() {
    // given
    URI withSlash = URI.create("http://127.0.0.1:8080/base/");
    URI withoutSlash = URI.create("http://127.0.0.1:8080/base");

    // when / then
    assertThat(RouteUrls.join(withSlash, "/v1/status", TARGET))
        .isEqualTo(URI.create("http://127.0.0.1:8080/base/v1/status"));
    assertThat(RouteUrls.join(withoutSlash, "/v1/status", TARGET))
        .isEqualTo(URI.create("http://127.0.0.1:8080/base/v1/status"));
    assertThat(RouteUrls.join(withSlash, "?page=2", TARGET))
        .isEqualTo(URI.create("http://127.0.0.1:8080/base/?page=2"));
    assertThat(RouteUrls.join(withoutSlash, "", TARGET)).isEqualTo(withoutSlash);
  }

  @Test
  void resolveReturnsKeptUrl() {
    // given
    RouteUrls urls = new RouteUrls(8);
    URI base = URI.create("http://127.0.0.1:8080");

    // when
    URI first = urls.resolve(base, "/v1/status", TARGET);
    URI second = urls.resolve(URI.create("http://127.0.0.1:8080"), "/v1/status", TARGET);
    URI other = urls.resolve(base, "/v1/tasks", TARGET);

    // then
    assertThat(first).isEqualTo(URI.create("http://127.0.0.1:8080/v1/status"));
    assertThat(second).isSameAs(first);
    assertThat(other).isEqualTo(URI.create("http://127.0.0.1:8080/v1/tasks"));
    assertThat(urls.size()).isEqualTo(2);
  }

  @Test
  void keptUrlsNeverExceedMaximum() {
    // given
    RouteUrls urls = new RouteUrls(4);
    URI base = URI.create("http://127.0.0.1:8080");

    // when / then: routes with ids, as task lookups make them
    for (int id = 0; id < 20; id++) {
      URI url = urls.resolve(base, "/v1/tasks/" + id, TARGET);

      assertThat(url).isEqualTo(URI.create("http://127.0.0.1:8080/v1/tasks/" + id));
      assertThat(urls.size()).isBetween(1, 4);
    }
  }

  @Test
  void invalidRouteRejectedAndNotKept() {
    // given
    RouteUrls urls = new RouteUrls(8);
    URI base = URI.create("http://127.0.0.1:8080");

    for (int call = 0; call < 2; call++) {
      // when
      OsspException relative =
          catchThrowableOfType(OsspException.class, () -> urls.resolve(base, "v1/status", TARGET));
      OsspException malformed =
          catchThrowableOfType(OsspException.class, () -> urls.resolve(base, "/v1/a b", TARGET));

      // then
      assertThat(relative.kind()).isEqualTo(ErrorKind.VALIDATION);
      assertThat(relative.getMessage()).contains("must start with '/' or '?'");
      assertThat(relative.context().target()).hasValue(TARGET);
      assertThat(malformed.kind()).isEqualTo(ErrorKind.VALIDATION);
      assertThat(malformed.getMessage()).contains("does not form a valid URL");
    }
    assertThat(urls.size()).isZero();
  }
}
