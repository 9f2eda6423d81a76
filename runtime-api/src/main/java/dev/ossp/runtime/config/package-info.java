/**
 * Typed, validated runtime configuration: keys declared by components and read through {@link
 * dev.ossp.runtime.config.RuntimeConfig}.
 */
@NullMarked
package dev.ossp.runtime.config;

import org.jspecify.annotations.NullMarked;
