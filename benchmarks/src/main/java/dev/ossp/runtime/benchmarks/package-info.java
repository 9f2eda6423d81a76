/** JMH benchmarks of the runtime's components, each beside a baseline measured in the same run. */
@NullMarked
package dev.ossp.runtime.benchmarks;

import org.jspecify.annotations.NullMarked;
