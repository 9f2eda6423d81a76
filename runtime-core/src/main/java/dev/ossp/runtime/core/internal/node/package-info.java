/**
 * The node's HTTP server on Jetty 12 core: routing, API-key checks, body limits and JSON errors.
 */
@NullMarked
package dev.ossp.runtime.core.internal.node;

import org.jspecify.annotations.NullMarked;
