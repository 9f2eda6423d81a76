/**
 * The implementation of the resilience API: the {@code resilience} runtime component, the plain
 * Java provider, and the time and scheduling abstractions that make every component testable
 * without sleeping.
 */
@NullMarked
package dev.ossp.runtime.resilience.internal;

import org.jspecify.annotations.NullMarked;
