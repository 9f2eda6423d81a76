package dev.ossp.runtime.discovery;

import dev.ossp.runtime.error.ValidationException;
import dev.ossp.runtime.error.Violation;
import dev.ossp.runtime.urn.VersionRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A discovery query: filters combined with AND, a sort order and a page.
 *
 * <p>Filters, each optional:
 *
 * <ul>
 *   <li>{@code domain}: the URN's domain, exactly;
 *   <li>{@code capabilities}: the agent has every one of them; {@code anyCapabilities}: the agent
 *       has at least one of them;
 *   <li>{@code tags}: the agent's skills carry every one of them;
 *   <li>{@code nameContains}: the card's name contains the text, ignoring case;
 *   <li>{@code version}: the version is in a {@link VersionRange}, such as {@code 1.2.3}, {@code
 *       ^1.2} or {@code >=1.0.0 <2.0.0};
 *   <li>{@code binding}: some interface has this protocol binding, ignoring case;
 *   <li>{@code health}: the latest known probe result has this status (agents never probed are
 *       {@link AgentHealth.Status#UNKNOWN}).
 * </ul>
 *
 * <p>Capability, tag, domain and name filters are trimmed and folded to lower case, and capability
 * and tag lists are kept sorted without duplicates, so two queries that differ only in letter case
 * or list order are {@linkplain #equals equal} and share one cache entry.
 *
 * <p>Sorting defaults to name ascending; ties are broken by URN, so pages are stable. A page is
 * {@code limit} results (default 100, at most the registry's maximum) from {@code offset}, or the
 * results after an opaque {@code cursor} taken from a previous result.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AgentQuery {
  /** The maximum length of a filter value, in characters. */
  public static final int MAX_FILTER_LENGTH = 256;

  /** The maximum number of values in a capability or tag list. */
  public static final int MAX_FILTER_VALUES = 32;

  private static final AgentQuery ALL = builder().build();

  private final @Nullable String domain;
  private final List<String> capabilities;
  private final List<String> anyCapabilities;
  private final List<String> tags;
  private final @Nullable String nameContains;
  private final @Nullable VersionRange version;
  private final @Nullable String binding;
  private final AgentHealth.@Nullable Status health;
  private final boolean includeHealth;
  private final SortField sort;
  private final SortOrder order;
  private final @Nullable Integer limit;
  private final int offset;
  private final @Nullable String cursor;
  private final String filterKey;
  private final String canonical;

  private AgentQuery(
      Builder builder,
      List<String> capabilities,
      List<String> anyCapabilities,
      List<String> tags,
      @Nullable VersionRange version) {
    this.domain = builder.domain;
    this.capabilities = capabilities;
    this.anyCapabilities = anyCapabilities;
    this.tags = tags;
    this.nameContains = builder.nameContains;
    this.version = version;
    this.binding = builder.binding;
    this.health = builder.health;
    this.includeHealth = builder.includeHealth;
    this.sort = builder.sort;
    this.order = builder.order;
    this.limit = builder.limit;
    this.offset = builder.offset;
    this.cursor = builder.cursor;
    this.filterKey = buildFilterKey();
    this.canonical =
        filterKey
            + "&includeHealth="
            + includeHealth
            + "&limit="
            + (limit == null ? "" : limit)
            + "&offset="
            + offset
            + "&cursor="
            + (cursor == null ? "" : cursor);
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the query that matches every agent, sorted by name, first page. */
  public static AgentQuery all() {
    return ALL;
  }

  /** Returns a builder that starts from this query. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.domain = domain;
    builder.capabilities.addAll(capabilities);
    builder.anyCapabilities.addAll(anyCapabilities);
    builder.tags.addAll(tags);
    builder.nameContains = nameContains;
    builder.versionRange = version;
    builder.binding = binding;
    builder.health = health;
    builder.includeHealth = includeHealth;
    builder.sort = sort;
    builder.order = order;
    builder.limit = limit;
    builder.offset = offset;
    builder.cursor = cursor;
    return builder;
  }

  private String buildFilterKey() {
    return "domain="
        + nullToEmpty(domain)
        + "&capabilities="
        + String.join(",", capabilities)
        + "&anyCapabilities="
        + String.join(",", anyCapabilities)
        + "&tags="
        + String.join(",", tags)
        + "&name="
        + nullToEmpty(nameContains)
        + "&version="
        + (version == null ? "" : version.toString())
        + "&binding="
        + nullToEmpty(binding)
        + "&health="
        + (health == null ? "" : health.wireName())
        + "&sort="
        + sort.wireName()
        + "&order="
        + order.wireName();
  }

  private static String nullToEmpty(@Nullable String value) {
    return value == null ? "" : value;
  }

  /** The domain filter, in lower case. */
  public Optional<String> domain() {
    return Optional.ofNullable(domain);
  }

  /** The capabilities an agent must all have, normalized and sorted. */
  public List<String> capabilities() {
    return capabilities;
  }

  /** The capabilities of which an agent must have at least one, normalized and sorted. */
  public List<String> anyCapabilities() {
    return anyCapabilities;
  }

  /** The tags an agent's skills must all carry, normalized and sorted. */
  public List<String> tags() {
    return tags;
  }

  /** The text the name must contain, in lower case. */
  public Optional<String> nameContains() {
    return Optional.ofNullable(nameContains);
  }

  /** The version range filter. */
  public Optional<VersionRange> version() {
    return Optional.ofNullable(version);
  }

  /** The protocol binding filter, in upper case. */
  public Optional<String> binding() {
    return Optional.ofNullable(binding);
  }

  /** The health status filter. */
  public Optional<AgentHealth.Status> health() {
    return Optional.ofNullable(health);
  }

  /** Whether results carry the health of the agents on the page, probing them if needed. */
  public boolean includeHealth() {
    return includeHealth;
  }

  /** The sort field. */
  public SortField sort() {
    return sort;
  }

  /** The sort order. */
  public SortOrder order() {
    return order;
  }

  /** The page size; empty means the registry's default. */
  public OptionalInt limit() {
    return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
  }

  /** The number of results to skip. */
  public int offset() {
    return offset;
  }

  /** The cursor to continue after. */
  public Optional<String> cursor() {
    return Optional.ofNullable(cursor);
  }

  /** Returns whether any filter that discovery keeps an index for is set. */
  public boolean hasIndexedFilter() {
    return domain != null
        || !capabilities.isEmpty()
        || !anyCapabilities.isEmpty()
        || !tags.isEmpty();
  }

  /**
   * Returns the filters and sort order in a canonical text form, without the page; two queries that
   * select and order the same agents have the same filter key.
   */
  public String filterKey() {
    return filterKey;
  }

  /**
   * Returns the whole query in canonical text form, page included; the basis of {@link #equals}.
   */
  public String canonical() {
    return canonical;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof AgentQuery that && canonical.equals(that.canonical);
  }

  @Override
  public int hashCode() {
    return canonical.hashCode();
  }

  @Override
  public String toString() {
    return "AgentQuery[" + canonical + "]";
  }

  /** The fields results can be sorted by. */
  public enum SortField {
    /** The card's name, ignoring case. */
    NAME("name"),
    /** The version, in SemVer precedence order (1.9.0 before 1.10.0, pre-releases first). */
    VERSION("version"),
    /** The registration time. */
    REGISTERED_AT("registeredAt"),
    /** The time of the last change. */
    LAST_UPDATED("lastUpdated");

    private final String wireName;

    SortField(String wireName) {
      this.wireName = wireName;
    }

    /** The name used in query parameters, such as {@code registeredAt}. */
    public String wireName() {
      return wireName;
    }

    /**
     * Returns the field named {@code wireName}.
     *
     * @throws ValidationException with field {@code sort}, listing the valid names
     */
    public static SortField fromWireName(String wireName) {
      Objects.requireNonNull(wireName, "wireName");

      for (SortField field : values()) {
        if (field.wireName.equals(wireName)) {
          return field;
        }
      }
      String message =
          "unknown sort field '"
              + wireName
              + "'; valid fields: name, version, registeredAt,"
              + " lastUpdated";
      throw new ValidationException("invalid query: " + message, new Violation("sort", message));
    }
  }

  /** The sort direction. */
  public enum SortOrder {
    /** Smallest first. */
    ASC,
    /** Largest first. */
    DESC;

    /** The name used in query parameters: {@code asc} or {@code desc}. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the order named {@code wireName}.
     *
     * @throws ValidationException with field {@code order}, listing the valid names
     */
    public static SortOrder fromWireName(String wireName) {
      Objects.requireNonNull(wireName, "wireName");

      for (SortOrder order : values()) {
        if (order.wireName().equals(wireName)) {
          return order;
        }
      }
      String message = "unknown sort order '" + wireName + "'; valid orders: asc, desc";
      throw new ValidationException("invalid query: " + message, new Violation("order", message));
    }
  }

  /**
   * Builds an {@link AgentQuery}. Setters store values; {@link #build()} checks them all and
   * reports every problem at once. Not thread-safe.
   */
  public static final class Builder {
    private @Nullable String domain;
    private final List<String> capabilities = new ArrayList<>();
    private final List<String> anyCapabilities = new ArrayList<>();
    private final List<String> tags = new ArrayList<>();
    private @Nullable String nameContains;
    private @Nullable String versionText;
    private @Nullable VersionRange versionRange;
    private @Nullable String binding;
    private AgentHealth.@Nullable Status health;
    private boolean includeHealth;
    private SortField sort = SortField.NAME;
    private SortOrder order = SortOrder.ASC;
    private @Nullable Integer limit;
    private int offset;
    private @Nullable String cursor;

    private Builder() {}

    /** Sets the domain filter, compared with the URN's domain ignoring case. Default: none. */
    public Builder domain(@Nullable String domain) {
      this.domain = domain == null ? null : fold(domain);
      return this;
    }

    /** Adds capabilities the agent must all have. */
    public Builder capabilities(String... capabilities) {
      return capabilities(Arrays.asList(capabilities));
    }

    /** Adds capabilities the agent must all have. */
    public Builder capabilities(Collection<String> capabilities) {
      for (String capability : capabilities) {
        this.capabilities.add(fold(Objects.requireNonNull(capability, "capability")));
      }
      return this;
    }

    /** Adds capabilities of which the agent must have at least one. */
    public Builder anyCapabilities(Collection<String> capabilities) {
      for (String capability : capabilities) {
        this.anyCapabilities.add(fold(Objects.requireNonNull(capability, "capability")));
      }
      return this;
    }

    /** Adds tags the agent's skills must all carry. */
    public Builder tags(String... tags) {
      return tags(Arrays.asList(tags));
    }

    /** Adds tags the agent's skills must all carry. */
    public Builder tags(Collection<String> tags) {
      for (String tag : tags) {
        this.tags.add(fold(Objects.requireNonNull(tag, "tag")));
      }
      return this;
    }

    /** Sets the text the card name must contain, ignoring case. Default: none. */
    public Builder nameContains(@Nullable String text) {
      this.nameContains = text == null ? null : fold(text);
      return this;
    }

    /**
     * Sets the version filter as range text, such as {@code 1.2.3}, {@code ^1.2} or {@code >=1.0.0
     * <2.0.0}; parsed by {@link #build()}. Default: none.
     */
    public Builder version(@Nullable String range) {
      this.versionText = range;
      this.versionRange = null;
      return this;
    }

    /** Sets the version filter. Default: none. */
    public Builder version(@Nullable VersionRange range) {
      this.versionRange = range;
      this.versionText = null;
      return this;
    }

    /** Sets the protocol binding filter, such as {@code JSONRPC}, ignoring case. Default: none. */
    public Builder binding(@Nullable String binding) {
      this.binding = binding == null ? null : binding.strip().toUpperCase(Locale.ROOT);
      return this;
    }

    /** Sets the health filter. Default: none. */
    public Builder health(AgentHealth.@Nullable Status health) {
      this.health = health;
      return this;
    }

    /** Sets whether results carry the health of the agents on the page. Default: false. */
    public Builder includeHealth(boolean includeHealth) {
      this.includeHealth = includeHealth;
      return this;
    }

    /** Sets the sort field. Default: {@link SortField#NAME}. */
    public Builder sort(SortField sort) {
      this.sort = Objects.requireNonNull(sort, "sort");
      return this;
    }

    /** Sets the sort order. Default: {@link SortOrder#ASC}. */
    public Builder order(SortOrder order) {
      this.order = Objects.requireNonNull(order, "order");
      return this;
    }

    /**
     * Sets the page size: at least 1 and at most the registry's maximum (checked when the query
     * runs). Default: the registry's default page size, 100 unless configured.
     */
    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    /** Sets how many results to skip, at least 0. Not combinable with a cursor. Default: 0. */
    public Builder offset(int offset) {
      this.offset = offset;
      return this;
    }

    /** Sets the cursor of a previous result to continue after. Default: none. */
    public Builder cursor(@Nullable String cursor) {
      this.cursor = cursor;
      return this;
    }

    private static String fold(String value) {
      return value.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the query.
     *
     * @throws ValidationException listing every invalid field: a blank or over-long filter value, a
     *     domain outside {@code [a-z0-9][a-z0-9-]{0,49}}, too many list values, a malformed version
     *     range, a limit below 1, a negative offset, or a cursor combined with an offset
     */
    public AgentQuery build() {
      List<Violation> violations = new ArrayList<>();
      if (domain != null) {
        checkText("domain", domain, violations);
        if (!domain.isEmpty() && !domain.matches("[a-z0-9][a-z0-9-]{0,49}")) {
          violations.add(
              new Violation(
                  "domain", "domain '" + domain + "' must match [a-z0-9][a-z0-9-]{0,49}"));
        }
      }
      List<String> all = normalizedList("capabilities", capabilities, violations);
      List<String> any = normalizedList("anyCapabilities", anyCapabilities, violations);
      List<String> tagList = normalizedList("tags", tags, violations);
      if (nameContains != null) {
        checkText("name", nameContains, violations);
      }
      if (binding != null) {
        checkText("binding", binding, violations);
      }
      VersionRange range = versionRange;
      if (versionText != null) {
        try {
          range = VersionRange.parse(versionText);
        } catch (ValidationException e) {
          for (Violation violation : e.violations()) {
            violations.add(new Violation("version", violation.message()));
          }
        }
      }
      if (limit != null && limit < 1) {
        violations.add(new Violation("limit", "limit must be at least 1, was " + limit));
      }
      if (offset < 0) {
        violations.add(new Violation("offset", "offset must be at least 0, was " + offset));
      }
      if (cursor != null && offset != 0) {
        violations.add(new Violation("cursor", "give either a cursor or an offset, not both"));
      }
      if (cursor != null && (cursor.isEmpty() || cursor.length() > 1024)) {
        violations.add(new Violation("cursor", "cursor must be 1 to 1024 characters"));
      }
      if (!violations.isEmpty()) {
        throw new ValidationException(messageFor(violations), violations);
      }
      return new AgentQuery(this, all, any, tagList, range);
    }

    private static void checkText(String field, String value, List<Violation> violations) {
      if (value.isEmpty()) {
        violations.add(new Violation(field, field + " must not be blank"));
      } else if (value.length() > MAX_FILTER_LENGTH) {
        violations.add(
            new Violation(field, field + " is longer than " + MAX_FILTER_LENGTH + " characters"));
      }
    }

    private static List<String> normalizedList(
        String field, List<String> values, List<Violation> violations) {
      TreeSet<String> sorted = new TreeSet<>();
      for (int i = 0; i < values.size(); i++) {
        String value = values.get(i);
        checkText(field + "[" + i + "]", value, violations);
        sorted.add(value);
      }
      if (sorted.size() > MAX_FILTER_VALUES) {
        violations.add(
            new Violation(
                field, field + " has " + sorted.size() + " values; at most " + MAX_FILTER_VALUES));
      }
      return List.copyOf(sorted);
    }

    private static String messageFor(List<Violation> violations) {
      StringBuilder message = new StringBuilder("invalid query: ");
      for (int i = 0; i < violations.size(); i++) {
        if (i > 0) {
          message.append("; ");
        }
        message.append(violations.get(i));
      }
      return message.toString();
    }
  }
}
