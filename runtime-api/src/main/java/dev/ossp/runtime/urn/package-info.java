/**
 * Agent URNs ({@code urn:agent:<domain>:<name>[@<version>]}), SemVer 2.0.0 versions and version
 * ranges.
 */
@NullMarked
package dev.ossp.runtime.urn;

import org.jspecify.annotations.NullMarked;
