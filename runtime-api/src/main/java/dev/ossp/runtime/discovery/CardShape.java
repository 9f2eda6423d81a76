package dev.ossp.runtime.discovery;

/** The layout of a registered agent card, detected from the fields it carries. */
public enum CardShape {
  /** An A2A v0.2 card: a single {@code url}, optional {@code authentication}. */
  A2A_V0_2,
  /**
   * An A2A v0.3 card: {@code url} with {@code preferredTransport}, {@code additionalInterfaces} or
   * {@code protocolVersion}; may also carry the v1.0 {@code supportedInterfaces} list.
   */
  A2A_V0_3,
  /** An A2A v1.0 card: {@code supportedInterfaces} and no top-level {@code url}. */
  A2A_V1_0,
  /**
   * The OSSP agent manifest: a {@code capabilities} map of objects and an {@code endpoints} map of
   * URLs or paths.
   */
  OSSP_MANIFEST
}
