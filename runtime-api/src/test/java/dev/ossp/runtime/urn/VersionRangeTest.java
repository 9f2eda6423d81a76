package dev.ossp.runtime.urn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossp.runtime.error.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionRangeTest {

  @ParameterizedTest(name = "''{0}'' contains {1}: {2}")
  @CsvSource({
    "*, 0.0.1, true",
    "*, 99.0.0, true",
    "*, 1.0.0-rc.1, false",
    "'', 1.0.0, true",
    "1.2.3, 1.2.3, true",
    "1.2.3, 1.2.4, false",
    "=1.2.3, 1.2.3, true",
    "1.2, 1.2.9, true",
    "1.2, 1.3.0, false",
    "1.x, 1.99.0, true",
    "1.x, 2.0.0, false",
    "1.2.x, 1.2.7, true",
    "^1.2.3, 1.2.3, true",
    "^1.2.3, 1.9.0, true",
    "^1.2.3, 1.2.2, false",
    "^1.2.3, 2.0.0, false",
    "^1.2.3, 2.0.0-rc.1, false",
    "^1.2, 1.2.0, true",
    "^1.2, 1.99.99, true",
    "^0.2.3, 0.2.9, true",
    "^0.2.3, 0.3.0, false",
    "^0.0.3, 0.0.3, true",
    "^0.0.3, 0.0.4, false",
    "~1.2.3, 1.2.9, true",
    "~1.2.3, 1.3.0, false",
    "~1.2, 1.2.0, true",
    "~1, 1.9.9, true",
    "~1, 2.0.0, false",
    ">=1.0.0 <2.0.0, 1.0.0, true",
    ">=1.0.0 <2.0.0, 1.10.0, true",
    ">=1.0.0 <2.0.0, 2.0.0, false",
    ">=1.0.0 <2.0.0, 0.9.9, false",
    ">1.2.3, 1.2.3, false",
    ">1.2.3, 1.2.4, true",
    ">1.2, 1.3.0, true",
    ">1.2, 1.2.9, false",
    "<=1.2, 1.2.9, true",
    "<=1.2, 1.3.0, false",
    "<1.2.3, 1.2.3-rc.1, false",
    ">=1.3.0-rc.1, 1.3.0-rc.2, true",
    ">=1.3.0-rc.1, 1.4.0-rc.1, false",
    ">=1.3.0-rc.1, 1.4.0, true",
    "^1.0.0 || ^3.0.0, 3.1.0, true",
    "^1.0.0 || ^3.0.0, 2.1.0, false",
    "1.0.0+build, 1.0.0, true"
  })
  void containsFollowsRangeSemantics(String range, String version, boolean expected) {
    assertThat(VersionRange.parse(range).contains(SemVer.parse(version))).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"^", ">=", "1.2.3.4", "^x.1", "1.x.3", "abc", ">=1.0.0 <", "~>1.0"})
  void parseRejectsMalformedRanges(String range) {
    assertThatThrownBy(() -> VersionRange.parse(range))
        .isInstanceOfSatisfying(
            ValidationException.class,
            error -> assertThat(error.violations().get(0).field()).isEqualTo("versionRange"))
        .hasMessageStartingWith("invalid version range '" + range + "'")
        .hasMessageContaining("use *, 1.2.3");
  }

  @Test
  void highestPicksGreatestMatchingVersion() {
    // given
    List<SemVer> versions =
        List.of(
            SemVer.parse("1.9.0"),
            SemVer.parse("1.10.0"),
            SemVer.parse("2.0.0-rc.1"),
            SemVer.parse("2.0.0"));

    // then
    assertThat(VersionRange.parse("^1.0").highest(versions)).contains(SemVer.parse("1.10.0"));
    assertThat(VersionRange.any().highest(versions)).contains(SemVer.parse("2.0.0"));
    assertThat(VersionRange.parse("^3").highest(versions)).isEmpty();
  }

  @Test
  void exactlyMatchesOneVersion() {
    VersionRange range = VersionRange.exactly(SemVer.parse("1.0.0-rc.1"));

    assertThat(range.contains(SemVer.parse("1.0.0-rc.1"))).isTrue();
    assertThat(range.contains(SemVer.parse("1.0.0"))).isFalse();
  }
}
