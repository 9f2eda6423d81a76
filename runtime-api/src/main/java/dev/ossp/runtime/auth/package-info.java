/** The {@link dev.ossp.runtime.auth.AuthProvider} SPI: credentials for outbound calls. */
@NullMarked
package dev.ossp.runtime.auth;

import org.jspecify.annotations.NullMarked;
