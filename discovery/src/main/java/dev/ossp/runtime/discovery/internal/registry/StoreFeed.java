package dev.ossp.runtime.discovery.internal.registry;

import dev.ossp.runtime.registry.StoreListener;
import dev.ossp.runtime.registry.StoreStatus;
import dev.ossp.runtime.registry.StoredRecord;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the changes a shared store reports to the registry's index, query cache and listeners.
 * Errors are logged and never thrown back at the store, so one bad record does not stop the feed.
 */
final class StoreFeed implements StoreListener {
  private static final Logger LOG = LoggerFactory.getLogger(StoreFeed.class);

  private final DefaultAgentRegistry registry;
  private final String storeName;

  StoreFeed(DefaultAgentRegistry registry, String storeName) {
    this.registry = registry;
    this.storeName = storeName;
  }

  @Override
  public void recordChanged(StoredRecord record) {
    try {
      registry.applyStoredChange(record);
    } catch (RuntimeException e) {
      LOG.warn(
          "could not apply agent '{}' at revision {} from the {} store",
          record.key(),
          record.revision(),
          storeName,
          e);
    }
  }

  @Override
  public void recordDeleted(String key, long revision) {
    try {
      registry.applyStoredDelete(key, revision);
    } catch (RuntimeException e) {
      LOG.warn(
          "could not apply the delete of agent '{}' at revision {} from the {} store",
          key,
          revision,
          storeName,
          e);
    }
  }

  @Override
  public void resynchronized(List<StoredRecord> records, long revision) {
    try {
      registry.resynchronize(records, revision);
    } catch (RuntimeException e) {
      LOG.warn("could not resynchronize with the {} store", storeName, e);
    }
  }

  @Override
  public void statusChanged(StoreStatus status) {
    if (status == StoreStatus.STALE) {
      LOG.warn(
          "the {} registry store is stale: queries are served from the last known state, and"
              + " writes fail until it reconnects",
          storeName);
    } else {
      LOG.info("the {} registry store is connected and current again", storeName);
    }
  }
}
