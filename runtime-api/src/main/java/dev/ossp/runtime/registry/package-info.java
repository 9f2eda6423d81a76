/** The {@link dev.ossp.runtime.registry.RegistryStore} SPI: persistence for the agent registry. */
@NullMarked
package dev.ossp.runtime.registry;

import org.jspecify.annotations.NullMarked;
