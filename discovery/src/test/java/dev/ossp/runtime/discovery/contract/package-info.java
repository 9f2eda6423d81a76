/**
 * Contract tests every {@link dev.ossp.runtime.registry.RegistryStore} must pass. Published in the
 * discovery test jar, so a store in another module extends {@link
 * dev.ossp.runtime.discovery.contract.RecordStoreContractTest} to prove itself.
 */
@NullMarked
package dev.ossp.runtime.discovery.contract;

import org.jspecify.annotations.NullMarked;
