package io.github.camelkusto.export.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkusto.export.KustoExportComponent;

/**
 * Writes the starter's generated sources from the component's Camel catalog JSON (the file the
 * camel-component-maven-plugin generates), as camel-spring-boot's own generator does for its starters: the
 * {@code @ConfigurationProperties} class with one field per component option, the converter that resolves
 * {@code #bean:name} references for object options, and the enum value hints for IDEs. The sources are
 * committed; {@link StarterSourcesMatchCatalogTest} fails when they no longer match the catalog.
 */
final class StarterSources {

    static final String PACKAGE = "io.github.camelkusto.export.springboot";
    static final String CONFIGURATION_CLASS = "KustoExportComponentConfiguration";
    static final String CONVERTER_CLASS = "KustoExportComponentConverter";
    static final String HINTS_RESOURCE = "META-INF/additional-spring-configuration-metadata.json";

    private static final String HEADER = "// Generated from the kusto-export catalog JSON by StarterSources (starter tests):"
            + " do not edit.\n// Regenerate: mvn -o -B test -pl camel-kusto-export-starter -am"
            + " -Dtest=StarterSourcesMatchCatalogTest -Dstarter.regenerate=true\n";
    private static final int JAVADOC_WIDTH = 76;

    private final JsonNode catalog;

    private StarterSources(JsonNode catalog) {
        this.catalog = catalog;
    }

    /** The catalog JSON shipped in the component jar, next to its classes. */
    static StarterSources fromComponentCatalog() {
        String resource = KustoExportComponent.class.getPackageName().replace('.', '/') + "/kusto-export.json";
        try (InputStream in = KustoExportComponent.class.getClassLoader().getResourceAsStream("META-INF/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("the component jar has no catalog META-INF/" + resource);
            }
            return new StarterSources(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode componentOptions() {
        return catalog.get("componentProperties");
    }

    String scheme() {
        return catalog.get("component").get("scheme").asText();
    }

    /** Generated file (relative to the starter module) and its content. */
    Map<Path, String> files() {
        Map<Path, String> files = new LinkedHashMap<>();
        Path javaDir = Path.of("src/main/java", PACKAGE.split("\\."));
        files.put(javaDir.resolve(CONFIGURATION_CLASS + ".java"), configurationClass());
        files.put(javaDir.resolve(CONVERTER_CLASS + ".java"), converterClass());
        files.put(Path.of("src/main/resources").resolve(HINTS_RESOURCE), enumHints());
        return files;
    }

    private String configurationClass() {
        StringBuilder fields = new StringBuilder();
        StringBuilder accessors = new StringBuilder();
        componentOptions().fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            JsonNode option = entry.getValue();
            String type = boxed(option.get("javaType").asText());
            String description = option.get("description").asText();
            if ("object".equals(option.get("type").asText())) {
                description += " The option is a " + option.get("javaType").asText() + " type (a #bean:name reference).";
            }
            fields.append(javadoc(description, "    "));
            fields.append("    private ").append(type).append(' ').append(name).append(initializer(option)).append(";\n");
            String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            accessors.append("\n    public ").append(type).append(" get").append(capitalized).append("() {\n")
                    .append("        return ").append(name).append(";\n    }\n\n")
                    .append("    public void set").append(capitalized).append('(').append(type).append(' ').append(name)
                    .append(") {\n        this.").append(name).append(" = ").append(name).append(";\n    }\n");
        });
        return HEADER + "package " + PACKAGE + ";\n\n"
                + "import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;\n"
                + "import org.springframework.boot.context.properties.ConfigurationProperties;\n\n"
                + javadoc(catalog.get("component").get("description").asText(), "")
                + "@ConfigurationProperties(prefix = \"camel.component." + scheme() + "\")\n"
                + "public class " + CONFIGURATION_CLASS + " extends ComponentConfigurationPropertiesCommon {\n\n"
                + fields + accessors + "}\n";
    }

    private String converterClass() {
        List<String> objectTypes = new ArrayList<>();
        componentOptions().forEach(option -> {
            String javaType = option.get("javaType").asText();
            if ("object".equals(option.get("type").asText()) && !objectTypes.contains(javaType)) {
                objectTypes.add(javaType);
            }
        });
        StringBuilder pairs = new StringBuilder();
        StringBuilder cases = new StringBuilder();
        for (String type : objectTypes) {
            pairs.append("        answer.add(new ConvertiblePair(String.class, ").append(type).append(".class));\n");
            cases.append("            case \"").append(type).append("\":\n                return applicationContext.getBean(ref, ")
                    .append(type).append(".class);\n");
        }
        return HEADER + "package " + PACKAGE + ";\n\n"
                + "import java.util.LinkedHashSet;\n"
                + "import java.util.Set;\n\n"
                + "import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;\n"
                + "import org.springframework.context.ApplicationContext;\n"
                + "import org.springframework.context.annotation.Configuration;\n"
                + "import org.springframework.core.convert.TypeDescriptor;\n"
                + "import org.springframework.core.convert.converter.GenericConverter;\n\n"
                + "/** Binds a {@code #bean:name} (or {@code #name}) property value of an object option to that bean. */\n"
                + "@Configuration(proxyBeanMethods = false)\n"
                + "@ConfigurationPropertiesBinding\n"
                + "public class " + CONVERTER_CLASS + " implements GenericConverter {\n\n"
                + "    private final ApplicationContext applicationContext;\n\n"
                + "    public " + CONVERTER_CLASS + "(ApplicationContext applicationContext) {\n"
                + "        this.applicationContext = applicationContext;\n    }\n\n"
                + "    @Override\n"
                + "    public Set<ConvertiblePair> getConvertibleTypes() {\n"
                + "        Set<ConvertiblePair> answer = new LinkedHashSet<>();\n"
                + pairs
                + "        return answer;\n    }\n\n"
                + "    @Override\n"
                + "    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {\n"
                + "        if (source == null || !source.toString().startsWith(\"#\")) {\n"
                + "            return null;\n        }\n"
                + "        String ref = source.toString();\n"
                + "        ref = ref.startsWith(\"#bean:\") ? ref.substring(6) : ref.substring(1);\n"
                + "        switch (targetType.getName()) {\n"
                + cases
                + "            default:\n                return null;\n        }\n    }\n}\n";
    }

    private String enumHints() {
        ObjectMapper json = new ObjectMapper();
        ArrayNode hints = json.createArrayNode();
        componentOptions().fields().forEachRemaining(entry -> {
            JsonNode values = entry.getValue().get("enum");
            if (values != null) {
                ObjectNode hint = hints.addObject();
                hint.put("name", "camel.component." + scheme() + "." + kebab(entry.getKey()));
                ArrayNode hintValues = hint.putArray("values");
                values.forEach(value -> hintValues.addObject().put("value", value.asText()));
            }
        });
        ObjectNode root = json.createObjectNode();
        root.set("hints", hints);
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String kebab(String camelCase) {
        return camelCase.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * A primitive option has its catalog default as the initial value (IDEs show it). A wrapper (Boolean, Long,
     * ...) stays null: for the component, null is "unset" (a .export command's own value stands), so the starter
     * must not set it unless the application does.
     */
    private static String initializer(JsonNode option) {
        String javaType = option.get("javaType").asText();
        JsonNode defaultValue = option.get("defaultValue");
        if (defaultValue == null) {
            return "";
        }
        switch (javaType) {
            case "boolean":
            case "int":
                return " = " + defaultValue.asText();
            case "long":
                return " = " + defaultValue.asText() + "L";
            case "java.lang.String":
                return " = \"" + defaultValue.asText().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            default:
                return "";
        }
    }

    private static String boxed(String javaType) {
        switch (javaType) {
            case "boolean":
                return "Boolean";
            case "int":
                return "Integer";
            case "long":
                return "Long";
            default:
                return javaType.startsWith("java.lang.") ? javaType.substring("java.lang.".length()) : javaType;
        }
    }

    private static String javadoc(String text, String indent) {
        StringBuilder out = new StringBuilder(indent).append("/**\n");
        StringBuilder line = new StringBuilder();
        for (String word : text.replace("*/", "*&#47;").split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > JAVADOC_WIDTH) {
                out.append(indent).append(" * ").append(line).append('\n');
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        if (line.length() > 0) {
            out.append(indent).append(" * ").append(line).append('\n');
        }
        return out.append(indent).append(" */\n").toString();
    }
}
