/**
 * The plugin class loader and the ServiceLoader scan that names the jar and class of every failing
 * provider.
 */
@NullMarked
package dev.ossp.runtime.core.internal.plugin;

import org.jspecify.annotations.NullMarked;
