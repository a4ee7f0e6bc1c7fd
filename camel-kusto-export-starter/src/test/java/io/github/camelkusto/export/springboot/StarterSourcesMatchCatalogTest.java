package io.github.camelkusto.export.springboot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's configuration class, converter and IDE hints are generated from the component's catalog JSON and
 * committed. This test regenerates them in memory and fails when the committed files differ, so a component option
 * added, removed or changed cannot silently go missing from Spring Boot. {@code -Dstarter.regenerate=true}
 * rewrites the files instead.
 */
class StarterSourcesMatchCatalogTest {

    private final StarterSources sources = StarterSources.fromComponentCatalog();

    @Test
    void committedStarterSourcesAreTheOnesGeneratedFromTheCatalog() throws IOException {
        boolean regenerate = Boolean.getBoolean("starter.regenerate");
        List<String> stale = new ArrayList<>();
        for (Map.Entry<Path, String> file : sources.files().entrySet()) {
            Path path = file.getKey();
            if (regenerate) {
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            } else if (!Files.exists(path) || !Files.readString(path).equals(file.getValue())) {
                stale.add(path.toString());
            }
        }
        assertThat(stale)
                .as("starter files that differ from the catalog; regenerate with"
                        + " -Dtest=StarterSourcesMatchCatalogTest -Dstarter.regenerate=true")
                .isEmpty();
    }

    @Test
    void springBootMetadataListsEveryComponentOptionForIdeCompletion() throws IOException {
        JsonNode metadata = new ObjectMapper().readTree(
                Path.of("target/classes/META-INF/spring-configuration-metadata.json").toFile());
        List<String> described = new ArrayList<>();
        metadata.get("properties").forEach(p -> {
            if (p.hasNonNull("description")) {
                described.add(p.get("name").asText());
            }
        });
        List<String> expected = new ArrayList<>();
        sources.componentOptions().fieldNames().forEachRemaining(
                name -> expected.add("camel.component.kusto-export." + StarterSources.kebab(name)));

        assertThat(described).containsAll(expected);
    }
}
