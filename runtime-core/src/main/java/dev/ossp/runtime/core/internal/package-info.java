/** The runtime's assembly from its builder settings; not for use outside the core module. */
@NullMarked
package dev.ossp.runtime.core.internal;

import org.jspecify.annotations.NullMarked;
