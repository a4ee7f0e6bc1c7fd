package io.github.camelkusto.export;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;

import io.github.camelkusto.export.artifact.ArtifactSpec;
import io.github.camelkusto.export.artifact.ExportedArtifact;
import io.github.camelkusto.export.artifact.RollingArtifactWriter;
import io.github.camelkusto.export.command.ExportCommand;
import io.github.camelkusto.export.command.KustoCommand;
import io.github.camelkusto.export.command.ShowTablesCommand;
import io.github.camelkusto.export.command.TableManagementCommand;
import io.github.camelkusto.export.kql.KustoException;
import io.github.camelkusto.export.kql.catalog.KustoDatabase;
import io.github.camelkusto.export.kql.control.TableCommandRunner;
import io.github.camelkusto.export.kql.data.Column;
import io.github.camelkusto.export.kql.data.QueryResult;
import io.github.camelkusto.export.kql.data.ResultTable;
import io.github.camelkusto.export.kql.data.Schema;
import io.github.camelkusto.export.kql.exec.QueryEngine;
import io.github.camelkusto.export.kql.syntax.KustoSyntaxException;
import io.github.camelkusto.export.kql.types.KqlType;
import io.github.camelkusto.export.source.QuerySource;
import io.github.camelkusto.export.storage.StorageException;
import io.github.camelkusto.export.storage.StorageTarget;
import io.github.camelkusto.export.storage.StorageTargets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a parsed command through the parts of the data flow: validate everything (storage strings, query,
 * targets) before the first byte is written, then query, write artifacts, and return the result table.
 */
final class KustoCommandRunner {
    static final Schema ARTIFACT_TABLE = Schema.of(new Column("Path", KqlType.STRING),
            new Column("NumRecords", KqlType.LONG), new Column("SizeInBytes", KqlType.LONG));

    private static final Logger LOG = LoggerFactory.getLogger(KustoCommandRunner.class);

    private final KustoDatabase database;
    private final QuerySource source;
    private final StorageTargets storageTargets;
    private final TableCommandRunner tableCommands;
    private final Executor writers;
    private final int nodes;

    /**
     * @param writers runs the artifact writers of distributed exports
     * @param nodes   the number of writers of {@code distribution=per_node}
     */
    KustoCommandRunner(KustoDatabase database, QuerySource source, StorageTargets storageTargets, Executor writers,
            int nodes) {
        this.database = database;
        this.source = source;
        this.storageTargets = storageTargets;
        this.tableCommands = new TableCommandRunner(database, new QueryEngine(database));
        this.writers = writers;
        this.nodes = nodes;
    }

    ResultTable run(KustoCommand command) {
        if (command instanceof ExportCommand export) {
            return export(export);
        }
        if (command instanceof TableManagementCommand table) {
            return tableCommands.run(table.command());
        }
        if (command instanceof ShowTablesCommand) {
            return tableCommands.showTables();
        }
        throw new KustoException("operations commands (.show operations, .show operation <id> details, .cancel"
                + " operation) are not supported yet: this version runs exports synchronously");
    }

    private ResultTable export(ExportCommand command) {
        if (command.async()) {
            throw new KustoException(".export async is not supported yet: run the export without 'async'");
        }
        ArtifactSpec spec = ArtifactSpec.of(command);
        List<StorageTarget> targets = command.storage().stream().map(storageTargets::target).toList();
        QueryResult result;
        try {
            result = source.prepare(command.query());
        } catch (KustoSyntaxException e) {
            throw e.within(command.text(), command.queryStart());
        }
        for (StorageTarget target : targets) {
            try {
                target.verify();
            } catch (IOException e) {
                throw new StorageException(
                        "cannot write to " + target.describe() + ": " + e.getMessage(), e);
            }
        }
        LOG.debug("Exporting from {} to {}: {}", source.describe(),
                targets.stream().map(StorageTarget::describe).toList(), command);
        List<ExportedArtifact> artifacts = new RollingArtifactWriter(spec, targets, writers, nodes,
                RollingArtifactWriter.DEFAULT_CHUNK_SIZE).write(result);
        return new ResultTable(ARTIFACT_TABLE, artifacts.stream()
                .map(a -> List.<Object>of(a.path(), a.numRecords(), a.sizeInBytes())).toList());
    }
}
