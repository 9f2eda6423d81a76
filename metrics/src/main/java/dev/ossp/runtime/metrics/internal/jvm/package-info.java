/** JVM and runtime metrics, read through Dropwizard's JVM instrumentation. */
@NullMarked
package dev.ossp.runtime.metrics.internal.jvm;

import org.jspecify.annotations.NullMarked;
