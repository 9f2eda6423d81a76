package dev.ossp.runtime.urn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossp.runtime.error.ValidationException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SemVerTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.0.4",
        "1.2.3",
        "10.20.30",
        "1.1.2-prerelease+meta",
        "1.1.2+meta",
        "1.1.2+meta-valid",
        "1.0.0-alpha",
        "1.0.0-alpha.beta.1",
        "1.0.0-alpha0.valid",
        "1.0.0-rc.1+build.1",
        "2.0.0-rc.1+build.123",
        "1.2.3-beta",
        "10.2.3-DEV-SNAPSHOT",
        "1.0.0-0A.is.legal",
        "1.0.0+0.build.1-rc.10000aaa-kk-0.1",
        "999999999999999999.0.0"
      })
  void parseAcceptsSpecificationExamples(String text) {
    assertThat(SemVer.parse(text).toString()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "1",
        "1.2",
        "1.2.3.4",
        "1.2.3-0123",
        "1.2.3-0123.0123",
        "1.1.2+.123",
        "+invalid",
        "-invalid",
        "alpha",
        "1.2.3.DEV",
        "1.2-SNAPSHOT",
        "01.1.1",
        "1.01.1",
        "1.1.01",
        "1.2.3-beta..1",
        "1.2.3+",
        " 1.2.3",
        "1.2.3 ",
        "1.2.3-é",
        "9999999999999999999.0.0"
      })
  void parseRejectsInvalidVersions(String text) {
    assertThatThrownBy(() -> SemVer.parse(text))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("invalid version '" + text + "': ");
    assertThat(SemVer.isValid(text)).isFalse();
  }

  @Test
  void precedenceFollowsSpecification() {
    // given: the ordering example of SemVer 2.0.0, item 11, plus numeric growth
    List<String> ordered =
        List.of(
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-alpha.beta",
            "1.0.0-beta",
            "1.0.0-beta.2",
            "1.0.0-beta.11",
            "1.0.0-rc.1",
            "1.0.0",
            "1.9.0",
            "1.10.0",
            "1.10.1",
            "2.0.0");

    // when
    List<String> sorted =
        Stream.of(ordered.toArray(String[]::new))
            .map(SemVer::parse)
            .sorted((a, b) -> -a.compareTo(b))
            .sorted()
            .map(SemVer::toString)
            .toList();

    // then
    assertThat(sorted).isEqualTo(ordered);
  }

  @Test
  void buildMetadataIgnoredByPrecedenceOnly() {
    // given
    SemVer a = SemVer.parse("1.0.0+a");
    SemVer b = SemVer.parse("1.0.0+b");

    // then
    assertThat(SemVer.PRECEDENCE.compare(a, b)).isZero();
    assertThat(a).isNotEqualTo(b);
    assertThat(a.compareTo(b)).isNegative();
  }

  @Test
  void hugeNumericPreReleaseIdentifiersCompareWithoutOverflow() {
    assertThat(SemVer.parse("1.0.0-99999999999999999999999"))
        .isGreaterThan(SemVer.parse("1.0.0-9999999999999999999999"));
  }

  @Test
  void ofRejectsNegativeParts() {
    assertThatThrownBy(() -> SemVer.of(1, -1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1.-1.0");
  }
}
