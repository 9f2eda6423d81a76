/**
 * The agent registry and discovery API: the normalized view of a registered agent ({@link
 * dev.ossp.runtime.discovery.AgentRecord}), registrations, queries and their results, registry
 * events, and the {@link dev.ossp.runtime.discovery.AgentDirectory} other modules use to find an
 * agent's endpoints.
 *
 * <p>The discovery module implements {@link dev.ossp.runtime.discovery.AgentRegistry}; the a2a
 * module implements {@link dev.ossp.runtime.discovery.AgentHealthProbe}.
 */
@NullMarked
package dev.ossp.runtime.discovery;

import org.jspecify.annotations.NullMarked;
