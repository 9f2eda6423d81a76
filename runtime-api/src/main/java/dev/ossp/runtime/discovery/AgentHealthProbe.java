package dev.ossp.runtime.discovery;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Checks whether an agent is reachable and working. The a2a module implements it; without an
 * implementation, discovery reports every agent's health as {@link AgentHealth.Status#UNKNOWN}.
 *
 * <p>Discovery calls probes for several agents in parallel from its own threads and stops waiting
 * after its configured timeout, so an implementation should not block and should cancel its work
 * when the returned stage is cancelled. Implementations must be thread-safe.
 */
public interface AgentHealthProbe {
  /**
   * Starts a probe of {@code agent}.
   *
   * @param agent the agent to probe, with its interfaces and health endpoint
   * @param timeout how long discovery waits for the result; the probe should give up by then
   * @return a stage that completes with the result; a stage that completes exceptionally counts as
   *     {@link AgentHealth.Status#UNHEALTHY} with the exception's message
   */
  CompletionStage<AgentHealth> probe(AgentRecord agent, Duration timeout);
}
