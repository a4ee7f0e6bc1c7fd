package io.github.camelkusto.export.lake;

import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkusto.export.command.ExternalTableDefinition;
import io.github.camelkusto.export.command.ExternalTablePartition;
import io.github.camelkusto.export.command.PathFormat;
import io.github.camelkusto.export.command.Redaction;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.types.KqlType;

/**
 * The tables the external table commands return, with ADX's columns. Connection strings appear only masked
 * ({@link Redaction#connectionString}).
 */
final class ExternalTableRows {
    /** {@code .show external tables}, and what create, alter and drop return. */
    static final Schema TABLES = Schema.of(new Column("TableName", KqlType.STRING),
            new Column("TableType", KqlType.STRING), new Column("Folder", KqlType.STRING),
            new Column("DocString", KqlType.STRING), new Column("Properties", KqlType.STRING),
            new Column("ConnectionStrings", KqlType.STRING), new Column("Partitions", KqlType.STRING),
            new Column("PathFormat", KqlType.STRING));
    /** {@code .show external table T schema}. */
    static final Schema SCHEMA = Schema.of(new Column("TableName", KqlType.STRING),
            new Column("Schema", KqlType.STRING), new Column("DatabaseName", KqlType.STRING),
            new Column("Folder", KqlType.STRING), new Column("DocString", KqlType.STRING));

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExternalTableRows() {
    }

    static ResultTable tables(Collection<ExternalTableDefinition> tables) {
        return new ResultTable(TABLES, tables.stream().map(ExternalTableRows::row).toList());
    }

    private static List<Object> row(ExternalTableDefinition t) {
        ExternalTableDefinition.Properties p = t.properties();
        ObjectNode properties = JSON.createObjectNode();
        properties.put("Format", t.format().toString());
        properties.put("Compressed", p.compressed());
        properties.put("IncludeHeaders", p.includeHeaders().toString());
        p.fileExtension().ifPresent(e -> properties.put("FileExtension", e));
        p.namePrefix().ifPresent(n -> properties.put("NamePrefix", n));
        properties.put("Encoding", p.encoding().toString());
        ArrayNode connectionStrings = JSON.createArrayNode();
        t.storage().forEach(s -> connectionStrings.add(Redaction.connectionString(s.value())));
        ArrayNode partitions = JSON.createArrayNode();
        for (ExternalTablePartition partition : t.partitions()) {
            partitions.addObject().put("Name", partition.name()).put("CslType", partition.type().kustoName())
                    .put("Expression", partition.expression());
        }
        return List.of(t.name(), "Blob", p.folder().orElse(""), p.docString().orElse(""), properties.toString(),
                connectionStrings.toString(), partitions.toString(), pathFormat(t.pathFormat()));
    }

    private static String pathFormat(PathFormat format) {
        if (format.isDefault()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (PathFormat.Element e : format.elements()) {
            text.append(text.length() == 0 ? "" : " ");
            if (e instanceof PathFormat.Literal literal) {
                text.append(JSON.getNodeFactory().textNode(literal.text()));
            } else {
                PathFormat.PartitionValue value = (PathFormat.PartitionValue) e;
                text.append(value.datetimePattern().map(p -> "datetime_pattern("
                        + JSON.getNodeFactory().textNode(p) + ", " + value.partition() + ")")
                        .orElse(value.partition()));
            }
        }
        return text.toString();
    }

    static ResultTable schema(ExternalTableDefinition t) {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("Name", t.name());
        ArrayNode columns = schema.putArray("OrderedColumns");
        for (Column column : t.schema().columns()) {
            columns.addObject().put("Name", column.name()).put("CslType", column.type().kustoName());
        }
        return new ResultTable(SCHEMA, List.of(List.of(t.name(), schema.toString(), "default",
                t.properties().folder().orElse(""), t.properties().docString().orElse(""))));
    }
}
