/**
 * Configuration sources (YAML file, environment, system properties, overrides), their validation
 * against declared keys, and the validated configuration.
 */
@NullMarked
package dev.ossp.runtime.core.internal.config;

import org.jspecify.annotations.NullMarked;
