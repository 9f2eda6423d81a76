/**
 * The node route SPI: HTTP routes contributed by modules, over a small request and response model
 * that needs no HTTP server library.
 */
@NullMarked
package dev.ossp.runtime.node;

import org.jspecify.annotations.NullMarked;
