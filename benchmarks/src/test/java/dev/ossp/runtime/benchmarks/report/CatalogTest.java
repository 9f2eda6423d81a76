package dev.ossp.runtime.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;

class CatalogTest {
  private static final String PACKAGE = "dev.ossp.runtime.benchmarks.";

  @Test
  void everyVariantNamesBenchmarkMethod() throws ClassNotFoundException {
    // given
    List<String> missing = new ArrayList<>();

    // when
    for (Section section : Catalog.sections()) {
      for (Group group : section.groups()) {
        for (Variant variant : group.variants()) {
          String[] parts = variant.benchmark().split("\\.");
          Class<?> type = Class.forName(PACKAGE + parts[0]);
          boolean found =
              Arrays.stream(type.getMethods())
                  .filter(method -> method.getName().equals(parts[1]))
                  .map(Method::getDeclaredAnnotations)
                  .flatMap(Arrays::stream)
                  .anyMatch(annotation -> annotation instanceof Benchmark);
          if (!found) {
            missing.add(variant.benchmark());
          }
        }
      }
    }

    // then
    assertThat(missing).isEmpty();
  }

  @Test
  void chartNamesAreUnique() {
    // given
    List<String> charts = new ArrayList<>();

    // when
    for (Section section : Catalog.sections()) {
      charts.add(section.slug() + "-percentiles");
      section.groups().forEach(group -> charts.add(group.chart()));
    }

    // then
    assertThat(charts).doesNotHaveDuplicates();
  }
}
