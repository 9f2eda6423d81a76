package dev.ossp.runtime.metrics.internal.prometheus;

/** Opens the package-private {@link Promtool} check to tests in other packages. */
public final class PromtoolAccess {
  private PromtoolAccess() {}

  /** Asserts that promtool accepts {@code exposition}; see {@link Promtool#assertAccepts}. */
  public static void assertAccepts(String exposition) throws Exception {
    Promtool.assertAccepts(exposition);
  }
}
