package io.github.camelkusto.export.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkusto.export.KustoExportComponent;

/**
 * The option and header tables of the component page ({@code kusto-export-component.adoc}) and of the README,
 * rendered from the Camel catalog JSON that camel-component-maven-plugin generates from the annotations. In
 * Camel 4 the component pages' tables are rendered by the Camel website from the same JSON; the plugin no longer
 * writes them into the adoc, so they are rendered here, between the markers Camel's pages use, and committed.
 */
final class CatalogDocs {
    private final JsonNode catalog;

    private CatalogDocs(JsonNode catalog) {
        this.catalog = catalog;
    }

    /** The catalog JSON of the component's jar (target/classes when the tests run). */
    static CatalogDocs fromComponentCatalog() {
        String resource = "META-INF/" + KustoExportComponent.class.getPackageName().replace('.', '/')
                + "/kusto-export.json";
        try (InputStream in = KustoExportComponent.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no catalog " + resource + " on the class path");
            }
            return new CatalogDocs(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One option or header as the tables show it. */
    private record Row(String name, String group, String description, String defaultValue, String type) {
    }

    private List<Row> rows(String section, Function<JsonNode, Boolean> include) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : catalog.get(section).properties()) {
            JsonNode option = entry.getValue();
            if (!include.apply(option)) {
                continue;
            }
            String description = option.get("description").asText();
            if (option.has("enum")) {
                List<String> values = new ArrayList<>();
                option.get("enum").forEach(v -> values.add(v.asText()));
                description += " Values: " + String.join(", ", values) + ".";
            }
            String defaultValue = option.has("defaultValue") ? option.get("defaultValue").asText() : "";
            if (option.has("defaultValueNote") && !option.get("defaultValueNote").asText().isEmpty()) {
                defaultValue = option.get("defaultValueNote").asText();
            }
            String type = option.has("type") ? option.get("type").asText() : option.get("javaType").asText();
            rows.add(new Row(entry.getKey(), option.get("group").asText(), description, defaultValue, type));
        }
        return rows;
    }

    private List<Row> componentOptions() {
        return rows("componentProperties", option -> true);
    }

    /** The component options that are not also endpoint options (those are the endpoints' defaults). */
    private List<Row> componentOnlyOptions() {
        JsonNode endpoint = catalog.get("properties");
        List<Row> rows = new ArrayList<>();
        for (Row row : componentOptions()) {
            if (!endpoint.has(row.name()) && !row.name().equals("configuration")) {
                rows.add(row);
            }
        }
        return rows;
    }

    private List<Row> endpointOptions(String kind) {
        return rows("properties", option -> option.get("kind").asText().equals(kind));
    }

    private List<Row> headers() {
        return rows("headers", option -> true);
    }

    // ---- AsciiDoc: the component page ----

    /** The generated sections of the adoc, by marker name ({@code // <name>: START} ... {@code // <name>: END}). */
    Map<String, String> adocSections() {
        String title = catalog.get("component").get("title").asText();
        return Map.of(
                "component options", "== Component options\n\nThe " + title + " component supports "
                        + componentOptions().size() + " options, which are listed below.\n\n"
                        + adocTable(componentOptions()),
                "endpoint options", "== Endpoint options\n\nThe " + title + " endpoint is configured using URI"
                        + " syntax:\n\n----\n" + catalog.get("component").get("syntax").asText() + "\n----\n\n"
                        + "=== Path Parameters (" + endpointOptions("path").size() + " parameters)\n\n"
                        + adocTable(endpointOptions("path")) + "\n=== Query Parameters ("
                        + endpointOptions("parameter").size() + " parameters)\n\n"
                        + adocTable(endpointOptions("parameter")),
                "component headers", "== Message headers\n\nThe " + title + " component supports "
                        + headers().size() + " message header(s), which are listed below:\n\n"
                        + adocTable(headers()));
    }

    private static String adocTable(List<Row> rows) {
        StringBuilder table = new StringBuilder("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n"
                + "| Name | Description | Default | Type\n");
        for (Row row : rows) {
            table.append("| *").append(row.name()).append("* (").append(row.group()).append(") | ")
                    .append(row.description().replace("|", "\\|")).append(" | ").append(row.defaultValue())
                    .append(" | ").append(row.type()).append('\n');
        }
        return table.append("|===\n").toString();
    }

    // ---- Markdown: the README ----

    /** The README's generated sections, by marker name ({@code <!-- <name>: START -->} ... END). */
    Map<String, String> markdownSections() {
        return Map.of(
                "endpoint options", markdownTable(endpointOptions("path"), "(path)")
                        + markdownRows(endpointOptions("parameter")),
                "component options", markdownTable(componentOnlyOptions(), null));
    }

    private static String markdownTable(List<Row> first, String firstNote) {
        StringBuilder table = new StringBuilder("| option | group | default | what it does |\n|---|---|---|---|\n");
        for (Row row : first) {
            table.append(markdownRow(row, firstNote));
        }
        return table.toString();
    }

    private static String markdownRows(List<Row> rows) {
        StringBuilder table = new StringBuilder();
        rows.forEach(row -> table.append(markdownRow(row, null)));
        return table.toString();
    }

    private static String markdownRow(Row row, String note) {
        String value = row.defaultValue().isEmpty() ? "" : "`" + row.defaultValue() + "`";
        return "| `" + row.name() + "`" + (note == null ? "" : " " + note) + " | " + row.group() + " | " + value
                + " | " + row.description().replace("|", "\\|") + " |\n";
    }
}
