package dev.ossp.runtime.core.internal.lifecycle;

import dev.ossp.runtime.component.RuntimeComponent;
import dev.ossp.runtime.error.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * Orders components so each starts after what it {@code requires()} and after what it names in
 * {@code after()} when that is installed. Components that do not depend on each other start in name
 * order, so the order is the same on every run.
 */
public final class ComponentOrder {
  /** The violation field of ordering problems. */
  public static final String FIELD = "components";

  private ComponentOrder() {}

  /**
   * Returns the components in start order. A required component that is not installed adds a
   * violation, and so does a dependency cycle. The returned list then contains only the components
   * that could be ordered.
   */
  public static List<RuntimeComponent> order(
      List<RuntimeComponent> components, List<Violation> violations) {
    Objects.requireNonNull(components, "components");
    Objects.requireNonNull(violations, "violations");

    Map<String, RuntimeComponent> byName = new LinkedHashMap<>();
    for (RuntimeComponent component : components) {
      byName.put(component.name(), component);
    }
    Map<String, Set<String>> dependencies = dependencies(byName, violations);

    Map<String, Integer> waitingFor = new LinkedHashMap<>();
    Map<String, List<String>> dependents = new LinkedHashMap<>();
    dependencies.forEach(
        (name, before) -> {
          waitingFor.put(name, before.size());
          for (String dependency : before) {
            dependents.computeIfAbsent(dependency, key -> new ArrayList<>()).add(name);
          }
        });
    PriorityQueue<String> ready = new PriorityQueue<>(Comparator.naturalOrder());
    waitingFor.forEach(
        (name, count) -> {
          if (count == 0) {
            ready.add(name);
          }
        });
    List<RuntimeComponent> ordered = new ArrayList<>();
    while (!ready.isEmpty()) {
      String name = ready.poll();
      ordered.add(byName.get(name));
      for (String dependent : dependents.getOrDefault(name, List.of())) {
        if (waitingFor.merge(dependent, -1, Integer::sum) == 0) {
          ready.add(dependent);
        }
      }
    }
    if (ordered.size() < byName.size()) {
      violations.add(
          new Violation(
              FIELD,
              "components depend on each other in a cycle: "
                  + describeCycle(dependencies, waitingFor)));
    }
    return ordered;
  }

  /**
   * Returns, for each component, the installed components it waits for. A required component that
   * is not installed adds a violation.
   */
  private static Map<String, Set<String>> dependencies(
      Map<String, RuntimeComponent> byName, List<Violation> violations) {
    Map<String, Set<String>> dependencies = new LinkedHashMap<>();
    for (RuntimeComponent component : byName.values()) {
      Set<String> before = new TreeSet<>();
      for (String required : component.requires()) {
        if (byName.containsKey(required)) {
          before.add(required);
        } else {
          violations.add(
              new Violation(
                  FIELD,
                  "component '"
                      + component.name()
                      + "' requires component '"
                      + required
                      + "', which is not installed; add its module or plugin"));
        }
      }
      for (String optional : component.after()) {
        if (byName.containsKey(optional)) {
          before.add(optional);
        }
      }
      dependencies.put(component.name(), before);
    }
    return dependencies;
  }

  /** Returns one cycle among the components still waiting, as {@code a -> b -> a ...}. */
  private static String describeCycle(
      Map<String, Set<String>> dependencies, Map<String, Integer> waitingFor) {
    Set<String> remaining = new TreeSet<>();
    waitingFor.forEach(
        (name, count) -> {
          if (count > 0) {
            remaining.add(name);
          }
        });
    // Every remaining component waits for another remaining one, so walking the dependencies
    // must revisit a component; the walk from that first revisit is the cycle.
    LinkedHashSet<String> path = new LinkedHashSet<>();
    String current = remaining.iterator().next();
    while (path.add(current)) {
      String next = null;
      for (String dependency : dependencies.get(current)) {
        if (remaining.contains(dependency)) {
          next = dependency;
          break;
        }
      }
      if (next == null) {
        break;
      }
      current = next;
    }
    List<String> cycle = new ArrayList<>();
    boolean inCycle = false;
    for (String name : path) {
      inCycle |= name.equals(current);
      if (inCycle) {
        cycle.add(name);
      }
    }
    cycle.add(current);
    return String.join(" -> ", cycle) + " (each waits for the next)";
  }
}
