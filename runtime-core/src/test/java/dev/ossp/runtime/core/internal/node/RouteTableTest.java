package dev.ossp.runtime.core.internal.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossp.runtime.node.NodeResponse;
import dev.ossp.runtime.node.Route;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {
  private static Route route(String method, String template) {
    return Route.open(method, template, request -> NodeResponse.empty(204));
  }

  private static RouteTable.Match match(RouteTable table, String method, String path) {
    return table.match(method, PathSegments.decodeAll(PathSegments.split(path)));
  }

  @Test
  void parametersAreExtractedByName() {
    // given
    RouteTable table =
        RouteTable.builder().add(route("GET", "/v1/{kind}/{id}/events"), "test").build();

    // when
    RouteTable.Match match = match(table, "GET", "/v1/agents/a%2Fb/events");

    // then
    assertThat(match).isInstanceOf(RouteTable.Found.class);
    assertThat(((RouteTable.Found) match).parameters())
        .isEqualTo(Map.of("kind", "agents", "id", "a/b"));
  }

  @Test
  void literalWinsThenParameterServesOtherMethods() {
    // given
    Route literal = route("POST", "/v1/agents/search");
    Route parameter = route("GET", "/v1/agents/{urn}");
    RouteTable table = RouteTable.builder().add(parameter, "test").add(literal, "test").build();

    // when
    RouteTable.Match post = match(table, "POST", "/v1/agents/search");
    RouteTable.Match get = match(table, "GET", "/v1/agents/search");
    RouteTable.Match delete = match(table, "DELETE", "/v1/agents/search");

    // then
    assertThat(((RouteTable.Found) post).route()).isSameAs(literal);
    assertThat(((RouteTable.Found) get).route()).isSameAs(parameter);
    assertThat(((RouteTable.MethodNotAllowed) delete).allowed())
        .containsExactly("GET", "HEAD", "POST");
  }

  @Test
  void headFallsBackToGet() {
    // given
    Route get = route("GET", "/health");
    RouteTable table = RouteTable.builder().add(get, "test").build();

    // when
    RouteTable.Match head = match(table, "HEAD", "/health");

    // then
    assertThat(((RouteTable.Found) head).route()).isSameAs(get);
  }

  @Test
  void parameterNeverMatchesEmptySegment() {
    // given
    RouteTable table = RouteTable.builder().add(route("GET", "/v1/agents/{urn}"), "test").build();

    // when / then
    assertThat(match(table, "GET", "/v1/agents/")).isEqualTo(RouteTable.NotFound.INSTANCE);
    assertThat(match(table, "GET", "/v1/agents")).isEqualTo(RouteTable.NotFound.INSTANCE);
    assertThat(match(table, "GET", "/v1/agents/x/y")).isEqualTo(RouteTable.NotFound.INSTANCE);
  }

  @Test
  void rootTemplateMatchesOnlyRoot() {
    // given
    RouteTable table = RouteTable.builder().add(route("GET", "/"), "test").build();

    // when / then
    assertThat(match(table, "GET", "/")).isInstanceOf(RouteTable.Found.class);
    assertThat(match(table, "GET", "/x")).isEqualTo(RouteTable.NotFound.INSTANCE);
  }

  @Test
  void sameShapeWithOtherParameterNameIsDuplicate() {
    // given
    RouteTable.Builder builder =
        RouteTable.builder()
            .add(route("GET", "/v1/agents/{urn}"), "com.example.A")
            .add(route("GET", "/v1/agents/{name}"), "com.example.B");

    // when / then
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "duplicate routes: GET /v1/agents/{name} (from com.example.B) clashes with GET"
                + " /v1/agents/{urn} (from com.example.A)");
  }

  @Test
  void percentDecodingRejectsBrokenEscapes() {
    // when / then
    assertThat(PathSegments.decode("caf%C3%A9+x")).isEqualTo("café+x");
    assertThat(PathSegments.decode("%2541")).isEqualTo("%41");
    for (String broken : List.of("%", "%4", "%zz", "%C3")) {
      assertThatThrownBy(() -> PathSegments.decode(broken))
          .as(broken)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
