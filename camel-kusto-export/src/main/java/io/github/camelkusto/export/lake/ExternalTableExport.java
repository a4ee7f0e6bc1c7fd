package io.github.camelkusto.export.lake;

import java.util.List;
import java.util.Map;

import io.github.camelkusto.export.artifact.ExportedArtifact;
import io.github.camelkusto.export.artifact.RowRouter;
import io.github.camelkusto.export.command.ExportCommand;
import io.github.camelkusto.export.command.ExportProperties;
import io.github.camelkusto.export.command.ExportToTableCommand;
import io.github.camelkusto.export.command.ExternalTableDefinition;
import io.github.camelkusto.export.command.IncludeHeaders;
import io.github.camelkusto.export.command.InvalidPropertyException;
import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.types.KqlType;

/**
 * An {@code .export to table T} as a plain export plus a router: the table gives the format, compression,
 * connection strings and artifact properties, the command its sizeLimit, distribution and parquet row group size,
 * and the query ends with the partition values the router sends rows by. {@code spread} and {@code concurrency}
 * are checked and have no effect: the writers are those of {@code distribution} (ADX uses them to spread the
 * writing over its nodes).
 */
public record ExternalTableExport(ExternalTableDefinition table, ExportCommand command, RowRouter router) {

    /** The result of a sync export to a table: one row per artifact. */
    public static final Schema RESULT = Schema.of(new Column("ExternalTableName", KqlType.STRING),
            new Column("Path", KqlType.STRING), new Column("NumRecords", KqlType.LONG));

    /**
     * @throws KustoException when the table does not exist or a property does not fit its format
     */
    public static ExternalTableExport of(ExportToTableCommand export, ExternalTableCatalog catalog) {
        return of(export, catalog, null);
    }

    /**
     * The export, its artifact names carrying {@code runTag} after the table's namePrefix (when not null): how a
     * continuous export's run finds the artifacts it wrote if its process ended before it could record them.
     */
    public static ExternalTableExport of(ExportToTableCommand export, ExternalTableCatalog catalog, String runTag) {
        ExternalTableDefinition table = catalog.existing(export.table());
        ExternalTableDefinition.Properties tableProperties = table.properties();
        ExportProperties.Builder properties = ExportProperties.builder();
        for (Map.Entry<String, Object> property : export.properties().entrySet()) {
            if (!property.getKey().equals("spread") && !property.getKey().equals("concurrency")) {
                properties.set(property.getKey(), property.getValue());
            }
        }
        if (tableProperties.includeHeaders() != IncludeHeaders.NONE) {
            properties.set("includeHeaders", tableProperties.includeHeaders().toString());
        }
        if (ExportProperties.appliesTo("encoding", table.format())) {
            properties.set("encoding", tableProperties.encoding().toString());
        }
        tableProperties.fileExtension().ifPresent(e -> properties.set("fileExtension", e));
        if (runTag != null) {
            properties.set("namePrefix", tableProperties.namePrefix().map(n -> n + "_").orElse("") + runTag);
        } else {
            tableProperties.namePrefix().ifPresent(n -> properties.set("namePrefix", n));
        }
        ExportProperties built;
        try {
            built = properties.build(table.format(), tableProperties.compressed());
        } catch (InvalidPropertyException e) {
            throw new KustoException(".export to table " + table.name() + ": " + e.getMessage());
        }
        PartitionRouter router = new PartitionRouter(table);
        String query = table.partitions().isEmpty() ? export.query() : export.query() + router.extendClause();
        ExportCommand command = new ExportCommand(export.async(), tableProperties.compressed(), table.format(),
                table.storage(), built, query, export.text(), export.queryStart(), export.requestProperties());
        return new ExternalTableExport(table, command, new SchemaCheck(table, router));
    }

    public ResultTable result(List<ExportedArtifact> artifacts) {
        return new ResultTable(RESULT, artifacts.stream()
                .map(a -> List.<Object>of(table.name(), a.path(), a.numRecords())).toList());
    }

    /** The router, after checking that the query's columns are the table's (names and types, in order). */
    private record SchemaCheck(ExternalTableDefinition table, PartitionRouter router) implements RowRouter {
        @Override
        public Schema artifactSchema(Schema querySchema) {
            int extra = table.partitions().size();
            List<Column> columns = querySchema.columns().subList(0, querySchema.size() - extra);
            if (!columns.equals(table.schema().columns())) {
                throw new KustoException("the query's columns " + new Schema(columns) + " are not those of external"
                        + " table '" + table.name() + "' " + table.schema() + " (the same names and types, in"
                        + " order; use project to shape them)");
            }
            return router.artifactSchema(querySchema);
        }

        @Override
        public List<Routed> route(io.github.camelkusto.kql.data.Batch batch) {
            return router.route(batch);
        }
    }
}
