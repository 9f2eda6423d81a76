/**
 * The built-in {@link dev.ossp.runtime.registry.RegistryStore} implementations: {@code memory} and
 * the embedded {@code file} store (a journal of JSON lines with snapshots).
 */
@NullMarked
package dev.ossp.runtime.discovery.internal.store;

import org.jspecify.annotations.NullMarked;
