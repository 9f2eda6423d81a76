/**
 * The HTTP side of the a2a module: the pooled Apache HttpClient 5 transport, outbound address
 * rules, header merging, the response cache and the agent client with breakers and retries.
 */
@NullMarked
package dev.ossp.runtime.a2a.internal.http;

import org.jspecify.annotations.NullMarked;
