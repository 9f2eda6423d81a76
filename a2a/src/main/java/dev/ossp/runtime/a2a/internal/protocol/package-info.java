/**
 * The A2A protocol client: JSON-RPC envelopes, the v0.3 and v1.0 wire dialects mapped to one Java
 * model, the server-sent events parser and stream, and agent card parsing.
 */
@NullMarked
package dev.ossp.runtime.a2a.internal.protocol;

import org.jspecify.annotations.NullMarked;
