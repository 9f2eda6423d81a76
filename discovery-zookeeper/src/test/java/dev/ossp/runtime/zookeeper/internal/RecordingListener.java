package dev.ossp.runtime.zookeeper.internal;

import dev.ossp.runtime.registry.StoreListener;
import dev.ossp.runtime.registry.StoreStatus;
import dev.ossp.runtime.registry.StoredRecord;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a store's feed delivers, as text lines, for assertions. */
final class RecordingListener implements StoreListener {
  final List<String> events = new CopyOnWriteArrayList<>();
  final List<List<StoredRecord>> resyncs = new CopyOnWriteArrayList<>();
  final List<StoreStatus> statuses = new CopyOnWriteArrayList<>();

  @Override
  public void recordChanged(StoredRecord record) {
    events.add("changed " + record.key() + " " + record.revision() + " " + record.payload());
  }

  @Override
  public void recordDeleted(String key, long revision) {
    events.add("deleted " + key + " " + revision);
  }

  @Override
  public void resynchronized(List<StoredRecord> records, long revision) {
    resyncs.add(List.copyOf(records));
  }

  @Override
  public void statusChanged(StoreStatus status) {
    statuses.add(status);
  }
}
