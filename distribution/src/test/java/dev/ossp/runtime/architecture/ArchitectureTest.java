package dev.ossp.runtime.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.ossp.runtime.urn.AgentUrn;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the module rule on the classes of every module, and proves on fixture classes that each
 * rule reports a violation. The enforcer in the root pom checks the same rule on dependencies.
 */
class ArchitectureTest {
  private static final String BASE = "dev.ossp.runtime";
  private static final String FIXTURES = "dev.ossp.runtime.architecture.fixture";
  private static final List<String> FEATURE_AREAS =
      List.of("resilience", "discovery", "a2a", "mcp", "metrics");

  private static JavaClasses production;
  private static JavaClasses fixtures;

  @BeforeAll
  static void importClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);
    fixtures = new ClassFileImporter().importPackages(FIXTURES);
  }

  @Test
  void productionClassesAreImported() {
    // A rule over zero classes passes vacuously, so check the import found the modules.
    assertThat(production.contain(AgentUrn.class)).isTrue();
    assertThat(
            production.stream()
                .map(javaClass -> ModuleRules.areaOf(BASE, javaClass.getPackageName())))
        .contains("urn", "config", "error");
  }

  @Test
  void internalPackagesStayInTheirModule() {
    ModuleRules.internalPackagesStayInTheirArea(BASE).check(production);
  }

  @Test
  void featureModulesDoNotUseCoreClasses() {
    ModuleRules.featureModulesDoNotUseCore(BASE, FEATURE_AREAS).check(production);
  }

  @Test
  void runtimeApiDependsOnJdkAndAnnotationsOnly() {
    // given: exactly the classes of the runtime-api jar or directory
    JavaClasses api =
        new ClassFileImporter()
            .importLocations(
                List.of(
                    Location.of(
                        AgentUrn.class.getProtectionDomain().getCodeSource().getLocation())));

    // when
    EvaluationResult result =
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "jakarta.inject..", "org.jspecify..", BASE + "..")
            .evaluate(api);

    // then
    assertThat(api.size()).isGreaterThan(20);
    assertThat(result.getFailureReport().getDetails()).isEmpty();
    assertThat(api.stream().filter(javaClass -> javaClass.getPackageName().contains(".internal")))
        .as("runtime-api has no internal packages")
        .isEmpty();
  }

  @Test
  void internalRuleReportsUseOfAnotherModulesInternals() {
    // when
    EvaluationResult result =
        ModuleRules.internalPackagesStayInTheirArea(FIXTURES).evaluate(fixtures);

    // then
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(detail -> assertThat(detail).contains("BetaClient").contains("AlphaEngine"))
        .noneSatisfy(detail -> assertThat(detail).contains("AlphaService"));
  }

  @Test
  void coreRuleReportsFeatureUsingCore() {
    // when
    EvaluationResult result =
        ModuleRules.featureModulesDoNotUseCore(FIXTURES, List.of("gamma")).evaluate(fixtures);

    // then
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(detail -> assertThat(detail).contains("GammaFeature").contains("CoreRuntime"));
  }
}
