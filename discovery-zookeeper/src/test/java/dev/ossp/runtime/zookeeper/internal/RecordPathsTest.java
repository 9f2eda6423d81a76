package dev.ossp.runtime.zookeeper.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.zookeeper.common.PathUtils;
import org.junit.jupiter.api.Test;

class RecordPathsTest {
  private final RecordPaths paths = new RecordPaths("/ossp/registry");

  @Test
  void urnStaysReadableInItsBucket() {
    // when
    String path = paths.record("urn:agent:ai:echo@1.0.0");

    // then
    assertThat(path).matches("/ossp/registry/records/[0-9a-f]{2}/urn:agent:ai:echo@1\\.0\\.0");
    assertThat(paths.keyOf(path)).isEqualTo("urn:agent:ai:echo@1.0.0");
  }

  @Test
  void awkwardKeysRoundTripAndFormValidPaths() {
    for (String key : List.of(".", "..", "a/b", "100%", "caf\u00e9 \ud83d\ude00", "zookeeper")) {
      // when
      String path = paths.record(key);

      // then
      PathUtils.validatePath(path);
      assertThat(paths.keyOf(path)).as(key).isEqualTo(key);
    }
  }

  @Test
  void bucketsAndRootAreNotRecords() {
    assertThat(paths.keyOf("/ossp/registry/records")).isNull();
    assertThat(paths.keyOf("/ossp/registry/records/0a")).isNull();
    assertThat(paths.keyOf("/ossp/registry/sync")).isNull();
  }

  @Test
  void truncatedEscapeIsRejected() {
    assertThatThrownBy(() -> RecordPaths.decode("abc%4"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ends inside an escape");
  }
}
