/** Test fixtures: cards, a mutable clock and a small cache strategy. */
@NullMarked
package dev.ossp.runtime.discovery.internal.testing;

import org.jspecify.annotations.NullMarked;
