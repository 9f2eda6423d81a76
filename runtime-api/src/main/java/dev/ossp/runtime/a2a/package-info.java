/**
 * Calling agents over HTTP and the A2A protocol: the HTTP call API ({@link
 * dev.ossp.runtime.a2a.AgentHttpClient}, {@link dev.ossp.runtime.a2a.CallOptions}), the A2A client
 * ({@link dev.ossp.runtime.a2a.A2aClient}), one Java model for both A2A protocol generations
 * ({@link dev.ossp.runtime.a2a.Message}, {@link dev.ossp.runtime.a2a.Task}, {@link
 * dev.ossp.runtime.a2a.Part} and the stream events), and the typed errors.
 *
 * <p>Failures are {@link dev.ossp.runtime.error.OsspException}s classified by {@link
 * dev.ossp.runtime.error.ErrorKind}; {@link dev.ossp.runtime.a2a.AgentHttpException} adds the HTTP
 * status and body, and {@link dev.ossp.runtime.a2a.A2aJsonRpcException} the JSON-RPC code and data.
 */
@NullMarked
package dev.ossp.runtime.a2a;

import org.jspecify.annotations.NullMarked;
