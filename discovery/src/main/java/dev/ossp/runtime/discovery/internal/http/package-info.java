/** The registry's HTTP routes on the runtime node, and their JSON forms. */
@NullMarked
package dev.ossp.runtime.discovery.internal.http;

import org.jspecify.annotations.NullMarked;
