/**
 * The {@code zookeeper} registry store: agent records in a ZooKeeper ensemble through Apache
 * Curator, with a change feed from Curator's cache so several runtime nodes share one registry.
 */
@NullMarked
package dev.ossp.runtime.zookeeper.internal;

import org.jspecify.annotations.NullMarked;
