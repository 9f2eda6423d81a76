/**
 * Reads agent cards in the A2A v0.2, v0.3 and v1.0 shapes and the OSSP manifest shape, validates
 * them and derives the normalized agent view.
 */
@NullMarked
package dev.ossp.runtime.discovery.internal.card;

import org.jspecify.annotations.NullMarked;
