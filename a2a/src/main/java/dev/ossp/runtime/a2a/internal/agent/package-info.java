/**
 * The node's own A2A agent: its card and a JSON-RPC endpoint in both A2A dialects, with the skills
 * {@code discover-agents} and {@code describe-runtime}.
 */
@NullMarked
package dev.ossp.runtime.a2a.internal.agent;

import org.jspecify.annotations.NullMarked;
