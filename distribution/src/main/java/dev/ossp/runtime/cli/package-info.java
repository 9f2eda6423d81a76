/**
 * The {@code ossp-runtime} command line: runs a node, talks to a running node's registry API, and
 * drives the modules of a started runtime through the interfaces of the runtime API.
 */
@NullMarked
package dev.ossp.runtime.cli;

import org.jspecify.annotations.NullMarked;
