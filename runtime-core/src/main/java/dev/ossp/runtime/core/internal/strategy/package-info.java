/** The registry of installed strategies and the runtime-wide selection per kind. */
@NullMarked
package dev.ossp.runtime.core.internal.strategy;

import org.jspecify.annotations.NullMarked;
