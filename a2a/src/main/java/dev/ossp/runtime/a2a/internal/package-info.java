/** The {@code a2a} component: configuration keys, wiring of the clients, probe and routes. */
@NullMarked
package dev.ossp.runtime.a2a.internal;

import org.jspecify.annotations.NullMarked;
