package dev.ossp.runtime.discovery.internal.query;

import dev.ossp.runtime.discovery.AgentQuery.SortField;
import dev.ossp.runtime.discovery.AgentQuery.SortOrder;
import dev.ossp.runtime.discovery.AgentRecord;
import java.util.Comparator;

/**
 * The result order: the sort field in the requested direction, ties broken by URN ascending so that
 * every order is total and pages are stable. Names compare ignoring case; versions by SemVer
 * precedence.
 */
final class Sorting {
  private Sorting() {}

  static Comparator<AgentRecord> comparator(SortField field, SortOrder order) {
    Comparator<AgentRecord> primary =
        switch (field) {
          case NAME -> (a, b) -> String.CASE_INSENSITIVE_ORDER.compare(a.name(), b.name());
          case VERSION -> (a, b) -> a.version().compareTo(b.version());
          case REGISTERED_AT -> (a, b) -> a.registeredAt().compareTo(b.registeredAt());
          case LAST_UPDATED -> (a, b) -> a.lastUpdated().compareTo(b.lastUpdated());
        };
    if (order == SortOrder.DESC) {
      primary = primary.reversed();
    }
    return primary.thenComparing(AgentRecord::urn);
  }

  /** Returns the sort value of {@code record} in the text form a cursor stores. */
  static String sortValue(AgentRecord record, SortField field) {
    return switch (field) {
      case NAME -> record.name();
      case VERSION -> record.version().toString();
      case REGISTERED_AT -> record.registeredAt().toString();
      case LAST_UPDATED -> record.lastUpdated().toString();
    };
  }
}
