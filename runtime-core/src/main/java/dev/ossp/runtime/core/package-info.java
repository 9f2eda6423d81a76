/**
 * The runtime core: {@link dev.ossp.runtime.core.OsspRuntime} loads configuration, plugins,
 * components and strategies, wires them into one injector, runs their lifecycle and serves the
 * node's HTTP routes.
 */
@NullMarked
package dev.ossp.runtime.core;

import org.jspecify.annotations.NullMarked;
