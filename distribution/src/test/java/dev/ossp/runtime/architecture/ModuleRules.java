package dev.ossp.runtime.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The architecture rules of the runtime, parameterized by the base package so the tests can prove
 * on fixture classes that each rule fails on a violation.
 *
 * <p>An "area" is the package segment after the base package: {@code resilience} in {@code
 * dev.ossp.runtime.resilience.internal.breaker}. A module keeps its private code in {@code
 * <base>.<area>.internal..}; the public API of an area, {@code <base>.<area>}, lives in
 * runtime-api.
 */
final class ModuleRules {
  /** Areas whose code may reach into any module, because they assemble or measure the others. */
  static final List<String> ASSEMBLY_AREAS = List.of("benchmarks", "cli", "architecture");

  private ModuleRules() {}

  /** No class outside an area uses that area's {@code .internal} packages. */
  static ArchRule internalPackagesStayInTheirArea(String basePackage) {
    return classes()
        .should(notUseInternalsOfOtherAreas(basePackage))
        .as("no class may use another module's " + basePackage + ".<area>.internal package")
        .allowEmptyShould(true);
  }

  /** Feature modules reach the core only through runtime-api, never through its classes. */
  static ArchRule featureModulesDoNotUseCore(String basePackage, List<String> featureAreas) {
    String[] featurePackages =
        featureAreas.stream()
            .map(area -> basePackage + "." + area + ".internal..")
            .toArray(String[]::new);
    return noClasses()
        .that()
        .resideInAnyPackage(featurePackages)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(basePackage + ".core..")
        .as("feature modules " + featureAreas + " must not use " + basePackage + ".core")
        .allowEmptyShould(true);
  }

  private static ArchCondition<JavaClass> notUseInternalsOfOtherAreas(String basePackage) {
    return new ArchCondition<>("not use another area's internal packages") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        String originArea = areaOf(basePackage, origin.getPackageName());
        if (originArea != null && ASSEMBLY_AREAS.contains(originArea)) {
          return;
        }
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          String targetPackage = dependency.getTargetClass().getPackageName();
          String targetArea = areaOf(basePackage, targetPackage);
          if (isInternal(basePackage, targetPackage) && !targetArea.equals(originArea)) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  /** Returns the area of {@code packageName} under {@code basePackage}, or null if outside. */
  static @Nullable String areaOf(String basePackage, String packageName) {
    if (!packageName.startsWith(basePackage + ".")) {
      return null;
    }
    String rest = packageName.substring(basePackage.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  private static boolean isInternal(String basePackage, String packageName) {
    String area = areaOf(basePackage, packageName);
    if (area == null) {
      return false;
    }
    String internalPackage = basePackage + "." + area + ".internal";
    return packageName.equals(internalPackage) || packageName.startsWith(internalPackage + ".");
  }
}
