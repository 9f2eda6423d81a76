/**
 * The component SPI: feature modules contribute bindings, lifecycle and health through {@link
 * dev.ossp.runtime.component.RuntimeComponent}.
 */
@NullMarked
package dev.ossp.runtime.component;

import org.jspecify.annotations.NullMarked;
