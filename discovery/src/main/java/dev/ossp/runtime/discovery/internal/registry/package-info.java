/** The agent registry: writes, leases, events, the in-memory indexes and the stored form. */
@NullMarked
package dev.ossp.runtime.discovery.internal.registry;

import org.jspecify.annotations.NullMarked;
