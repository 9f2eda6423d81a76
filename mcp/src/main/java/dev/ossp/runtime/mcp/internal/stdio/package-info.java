/**
 * The stdio transport: process start with a minimal environment, newline-delimited framing, stderr
 * draining, exit detection and a bounded close that kills the whole process tree.
 */
@NullMarked
package dev.ossp.runtime.mcp.internal.stdio;

import org.jspecify.annotations.NullMarked;
