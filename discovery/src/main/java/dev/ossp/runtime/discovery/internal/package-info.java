/**
 * The discovery component: its configuration keys, settings and wiring into the runtime. The
 * subpackages hold the card normalizer, the registry, queries, stores and HTTP routes.
 */
@NullMarked
package dev.ossp.runtime.discovery.internal;

import org.jspecify.annotations.NullMarked;
