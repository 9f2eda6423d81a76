package dev.ossp.runtime.a2a;

/** Who wrote a message: {@code user} / {@code ROLE_USER} or {@code agent} / {@code ROLE_AGENT}. */
public enum Role {
  /** The client side. */
  USER,
  /** The agent. */
  AGENT
}
