package dev.ossp.runtime.discovery.internal.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * A child process for the crash test: opens a file store and inserts records one after another,
 * printing {@code ACK <key>} after each insert returns, until it is killed.
 *
 * <p>Arguments: the store directory, the fsync mode and the number of records to write at most.
 */
public final class CrashingWriter {
  private CrashingWriter() {}

  public static void main(String[] args) throws Exception {
    Path directory = Path.of(args[0]);
    FileStoreOptions options = FileStoreOptions.parse(Map.of("fsync", args[1]));
    int count = Integer.parseInt(args[2]);
    FileRecordStore store = FileRecordStore.open(directory, options);
    System.out.println("READY");
    System.out.flush();
    for (int i = 0; i < count; i++) {
      String key = "urn:agent:crash:agent-" + i + "@1.0.0";
      store.insert(key, payloadFor(key));
      System.out.println("ACK " + key);
      System.out.flush();
    }
    store.close();
  }

  static String payloadFor(String key) {
    return "{\"format\":1}\n{\"name\":\"" + key + "\",\"pad\":\"" + "p".repeat(200) + "\"}";
  }
}
