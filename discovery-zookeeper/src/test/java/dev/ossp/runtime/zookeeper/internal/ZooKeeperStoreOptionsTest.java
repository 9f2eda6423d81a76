package dev.ossp.runtime.zookeeper.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ossp.runtime.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZooKeeperStoreOptionsTest {
  @Test
  void defaultsUseLocalServerAndOpenAcl() {
    // when
    ZooKeeperStoreOptions options = ZooKeeperStoreOptions.parse(Map.of());

    // then
    assertThat(options.connectString()).isEqualTo("127.0.0.1:2181");
    assertThat(options.namespace()).isEqualTo("/ossp/registry");
    assertThat(options.sessionTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(options.acl()).isEqualTo(ZooKeeperStoreOptions.Acl.OPEN);
  }

  @Test
  void everyOptionParses() {
    // when
    ZooKeeperStoreOptions options =
        ZooKeeperStoreOptions.parse(
            Map.of(
                "connect-string", "127.0.0.1:2181,127.0.0.1:2182",
                "namespace", "/apps/registry/",
                "session-timeout", "10s",
                "connection-timeout", "500ms",
                "retry-base-sleep", "50ms",
                "retry-max-sleep", "2s",
                "retry-max-retries", "5",
                "auth-digest-file", "conf/zk-digest",
                "acl", "creator-world-read"));

    // then
    assertThat(options.namespace()).isEqualTo("/apps/registry");
    assertThat(options.connectionTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(options.retryMaxRetries()).isEqualTo(5);
    assertThat(options.authDigestFile()).isEqualTo(Path.of("conf/zk-digest"));
    assertThat(options.acl()).isEqualTo(ZooKeeperStoreOptions.Acl.CREATOR_WORLD_READ);
  }

  @Test
  void digestFileDefaultsAclToCreator() {
    assertThat(ZooKeeperStoreOptions.parse(Map.of("auth-digest-file", "d")).acl())
        .isEqualTo(ZooKeeperStoreOptions.Acl.CREATOR);
  }

  @Test
  void invalidValuesAreEachNamed() {
    assertThatThrownBy(
            () ->
                ZooKeeperStoreOptions.parse(
                    Map.of(
                        "connect-string", "127.0.0.1",
                        "namespace", "relative/path",
                        "session-timeout", "10ms",
                        "retry-max-retries", "30",
                        "fsync", "always")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("discovery.store.zookeeper.connect-string")
        .hasMessageContaining("is not host:port")
        .hasMessageContaining("discovery.store.zookeeper.namespace")
        .hasMessageContaining("discovery.store.zookeeper.session-timeout")
        .hasMessageContaining("must be in 1s..10m")
        .hasMessageContaining("must be in 0..29")
        .hasMessageContaining("unknown option of the zookeeper store");
  }

  @Test
  void creatorAclWithoutDigestIsRejected() {
    assertThatThrownBy(() -> ZooKeeperStoreOptions.parse(Map.of("acl", "creator")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("needs digest authentication");
  }

  @Test
  void maxSleepBelowBaseSleepIsRejected() {
    assertThatThrownBy(
            () ->
                ZooKeeperStoreOptions.parse(
                    Map.of("retry-base-sleep", "2s", "retry-max-sleep", "1s")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is below retry-base-sleep");
  }

  @Test
  void rootNamespaceIsRejected() {
    assertThatThrownBy(() -> ZooKeeperStoreOptions.parse(Map.of("namespace", "/")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("the root would mix the registry with other data");
  }
}
