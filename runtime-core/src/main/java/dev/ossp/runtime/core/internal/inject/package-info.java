/** Component bindings recorded through the API's binder and turned into one Guice injector. */
@NullMarked
package dev.ossp.runtime.core.internal.inject;

import org.jspecify.annotations.NullMarked;
