package dev.ossp.runtime.discovery.internal.query;

import dev.ossp.runtime.discovery.AgentQuery.SortField;
import dev.ossp.runtime.discovery.AgentQuery.SortOrder;
import dev.ossp.runtime.discovery.AgentRecord;
import dev.ossp.runtime.discovery.internal.registry.RegistryEntry;
import java.util.Comparator;

/**
 * The result order: the sort field in the requested direction, ties broken by URN ascending so that
 * every order is total and pages are stable. Names compare ignoring case; versions by SemVer
 * precedence.
 */
final class Sorting {
  private Sorting() {}

  static Comparator<RegistryEntry> comparator(SortField field, SortOrder order) {
    int sign = order == SortOrder.DESC ? -1 : 1;
    return switch (field) {
      case NAME ->
          order == SortOrder.ASC
              ? RegistryEntry::compareByNameThenUrn
              : (a, b) -> {
                int result =
                    String.CASE_INSENSITIVE_ORDER.compare(b.record().name(), a.record().name());
                return result != 0 ? result : a.record().urn().compareTo(b.record().urn());
              };
      case VERSION ->
          (a, b) -> {
            int result = a.record().version().compareTo(b.record().version());
            return result != 0 ? sign * result : a.record().urn().compareTo(b.record().urn());
          };
      case REGISTERED_AT ->
          (a, b) -> {
            int result = a.record().registeredAt().compareTo(b.record().registeredAt());
            return result != 0 ? sign * result : a.record().urn().compareTo(b.record().urn());
          };
      case LAST_UPDATED ->
          (a, b) -> {
            int result = a.record().lastUpdated().compareTo(b.record().lastUpdated());
            return result != 0 ? sign * result : a.record().urn().compareTo(b.record().urn());
          };
    };
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
