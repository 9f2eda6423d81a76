/**
 * Build-time tools of the distribution: the generator of the shipped {@code conf/runtime.yaml} and
 * the check that the {@code lib/} directory holds each artifact and class once.
 */
@NullMarked
package dev.ossp.runtime.cli.config;

import org.jspecify.annotations.NullMarked;
