package io.github.camelkusto.export.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The option and header tables of the component page and of the README are rendered from the catalog JSON and
 * committed between markers; this test renders them again and fails when a committed table differs, so an option
 * added, removed or redescribed cannot leave the docs behind. {@code -Ddocs.regenerate=true} rewrites them.
 */
class DocsMatchCatalogTest {
    static final Path ADOC = Path.of("src/main/docs/kusto-export-component.adoc");
    static final Path README = Path.of("../README.md");
    private static final String REGENERATE = "regenerate with: mvn -o -B test -pl camel-kusto-export -am"
            + " -Dtest=DocsMatchCatalogTest -Dsurefire.failIfNoSpecifiedTests=false -Ddocs.regenerate=true";

    private final CatalogDocs docs = CatalogDocs.fromComponentCatalog();

    @Test
    void theComponentPageTablesAreTheCatalogs() throws IOException {
        assertThat(stale(ADOC, docs.adocSections(), "// %s: START\n", "// %s: END\n")).as(REGENERATE).isEmpty();
    }

    @Test
    void theReadmeOptionTablesAreTheCatalogs() throws IOException {
        assertThat(stale(README, docs.markdownSections(), "<!-- %s: START (generated from the catalog by"
                + " DocsMatchCatalogTest) -->\n", "<!-- %s: END -->\n")).as(REGENERATE).isEmpty();
    }

    /** The sections of {@code file} that differ from {@code sections} (rewritten instead with docs.regenerate). */
    private static List<String> stale(Path file, Map<String, String> sections, String start, String end)
            throws IOException {
        String text = Files.readString(file);
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> section : sections.entrySet()) {
            String open = start.formatted(section.getKey());
            String close = end.formatted(section.getKey());
            int from = text.indexOf(open);
            int to = text.indexOf(close);
            assertThat(from).as("marker " + open.strip() + " in " + file).isNotNegative();
            assertThat(to).as("marker " + close.strip() + " in " + file).isGreaterThan(from);
            String committed = text.substring(from + open.length(), to);
            if (!committed.equals(section.getValue())) {
                stale.add(file + ": " + section.getKey());
                text = text.substring(0, from + open.length()) + section.getValue() + text.substring(to);
            }
        }
        if (Boolean.getBoolean("docs.regenerate")) {
            Files.writeString(file, text);
            return List.of();
        }
        return stale;
    }
}
