/** The base of every strategy SPI and the lookup of strategies by name. */
@NullMarked
package dev.ossp.runtime.spi;

import org.jspecify.annotations.NullMarked;
