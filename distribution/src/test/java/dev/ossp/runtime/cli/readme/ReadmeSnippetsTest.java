package dev.ossp.runtime.cli.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The root README's code snippets: each one is quoted from code this build compiles and runs. */
class ReadmeSnippetsTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path EXAMPLE =
      Path.of("src/test/java/dev/ossp/runtime/cli/readme/EmbeddingExample.java");

  @TempDir Path dataDirectory;

  @Test
  void embeddingExampleRegistersAndFindsCard() throws Exception {
    // given
    String card =
        Files.readString(Path.of("src/main/dist/examples/agent-cards/language/translator.json"));

    // when
    List<String> urns = EmbeddingExample.run(dataDirectory, card);

    // then
    assertThat(urns).containsExactly("urn:agent:demo:translator@2.1.0");
  }

  @Test
  void readmeQuotesEmbeddingExampleVerbatim() throws Exception {
    // given
    String source = Files.readString(EXAMPLE);
    Matcher marked =
        Pattern.compile("// README-START\\n(.*?)\\n\\s*// README-END", Pattern.DOTALL)
            .matcher(source);
    assertThat(marked.find()).isTrue();

    // when
    String snippet = marked.group(1).stripIndent();

    // then
    assertThat(Files.readString(README)).contains("```java\n" + snippet + "\n```");
  }

  @Test
  void readmeMavenCoordinatesMatchBom() throws Exception {
    // given
    String readme = Files.readString(README);
    String bom = Files.readString(Path.of("..", "bom", "pom.xml"));
    String parent = Files.readString(Path.of("..", "pom.xml"));
    Matcher version = Pattern.compile("<version>([^<]+)</version>").matcher(parent);
    assertThat(version.find()).isTrue();

    // when
    Matcher xml = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL).matcher(readme);

    // then
    assertThat(xml.find()).as("the README's Maven snippet").isTrue();
    String snippet = xml.group(1);
    assertThat(snippet).contains("<version>" + version.group(1) + "</version>");
    Matcher artifacts = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(snippet);
    int found = 0;
    while (artifacts.find()) {
      assertThat(bom).contains("<artifactId>" + artifacts.group(1) + "</artifactId>");
      found++;
    }
    assertThat(found).isGreaterThanOrEqualTo(3);
  }
}
