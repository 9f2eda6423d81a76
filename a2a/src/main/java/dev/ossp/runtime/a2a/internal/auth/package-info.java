/**
 * The built-in {@link dev.ossp.runtime.auth.AuthProvider}s: {@code none}, {@code bearer}, {@code
 * api-key}, {@code basic} and {@code delegation}.
 */
@NullMarked
package dev.ossp.runtime.a2a.internal.auth;

import org.jspecify.annotations.NullMarked;
