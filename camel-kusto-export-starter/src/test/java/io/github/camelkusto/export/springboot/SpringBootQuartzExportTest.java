package io.github.camelkusto.export.springboot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.github.camelkusto.export.KustoExportComponent;
import io.github.camelkusto.export.command.IncludeHeaders;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Spring Boot application configured by application.yaml alone: the camel.component.kusto-export.* options
 * there reach the component, and the YAML route's Quartz trigger runs an export into the configured folder.
 */
@SpringBootTest(classes = SpringBootQuartzExportTest.Application.class)
class SpringBootQuartzExportTest {

    private static final Path EXPORTS = Path.of("target/spring-boot-exports");

    @SpringBootApplication
    static class Application {
    }

    @Autowired
    private CamelContext camelContext;

    @BeforeAll
    static void emptyExportFolder() throws IOException {
        // Runs before Spring starts the application (and Quartz fires).
        FileSystemUtils.deleteRecursively(EXPORTS);
    }

    @Test
    void applicationYamlOptionsReachTheComponent() {
        KustoExportComponent component = camelContext.getComponent("kusto-export", KustoExportComponent.class);

        assertThat(component.getBlockSize()).isEqualTo(1048576);
        assertThat(component.getDataDir()).isEqualTo("../routes/data");
        assertThat(component.getConfiguration().getIncludeHeaders()).isEqualTo(IncludeHeaders.ALL);
        // A wrapper option nobody set stays unset: a .export command's own value still stands.
        assertThat(component.getConfiguration().getDistributed()).isNull();
    }

    @Test
    void quartzTriggeredExportWritesItsArtifactWhereApplicationYamlSays() throws IOException {
        // Quartz fired while the application started; an artifact appears only once committed (renamed).
        List<Path> artifacts = await().atMost(Duration.ofSeconds(30)).until(() -> listFiles(EXPORTS), a -> !a.isEmpty());

        assertThat(artifacts).singleElement()
                .satisfies(p -> assertThat(p.getFileName().toString()).matches("SampleLogs_1_[0-9a-f]{32}\\.csv"));
        List<String> lines = Files.readAllLines(artifacts.get(0));
        assertThat(lines.get(0)).isEqualTo("Timestamp,Level,Service,Message,DurationMs");
        assertThat(lines.subList(1, lines.size())).hasSize(25).allSatisfy(l -> assertThat(l).contains(",Error,"));
    }

    private static List<Path> listFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
