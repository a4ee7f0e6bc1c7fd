package io.github.camelkusto.kql.control;

import java.util.List;

import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.format.IngestFormat;
import io.github.camelkusto.kql.syntax.SourceText;

/**
 * A control command that manages the embedded database's tables, as ADX spells them. Parsed by
 * {@link TableCommandParser}, run by {@link TableCommandRunner}.
 */
public sealed interface TableCommand {

    /** The table the command is about. */
    String table();

    /** {@code .create table T (a:string, ...)}, or with {@code merge} {@code .create-merge table}. */
    record CreateTable(String table, Schema schema, boolean merge) implements TableCommand {
    }

    /** {@code .drop table T [ifexists]}. */
    record DropTable(String table, boolean ifExists) implements TableCommand {
    }

    /** {@code .show table T schema}, {@code .show table T cslschema}. */
    record ShowTableSchema(String table) implements TableCommand {
    }

    /** {@code .ingest inline into table T [with (format=...)] <| records}: the records are the rest of the text. */
    record IngestInline(String table, IngestFormat format, String data) implements TableCommand {
    }

    /**
     * {@code .ingest into table T ('file', ...) [with (format=..., ignoreFirstRecord=...)]}: files of the local
     * file system (plain paths or {@code file://} URLs).
     */
    record IngestFrom(String table, List<String> sources, IngestFormat format, boolean ignoreFirstRecord)
            implements TableCommand {
        public IngestFrom {
            sources = List.copyOf(sources);
        }
    }

    /**
     * {@code .set}, {@code .append}, {@code .set-or-append}, {@code .set-or-replace T <| query}: the query's rows
     * stored in T. {@code text}/{@code queryStart} let a query error point into the command.
     */
    record StoreQueryResult(String table, StoreMode mode, String query, SourceText text, int queryStart)
            implements TableCommand {
    }

    /** What {@code .set}-family commands do with the table. */
    enum StoreMode {
        /** {@code .set}: creates the table; fails when it exists. */
        SET(".set"),
        /** {@code .append}: appends to the table; fails when it does not exist. */
        APPEND(".append"),
        /** {@code .set-or-append}: appends, creating the table first when needed. */
        SET_OR_APPEND(".set-or-append"),
        /** {@code .set-or-replace}: replaces the table's rows (and schema), creating it when needed. */
        SET_OR_REPLACE(".set-or-replace");

        private final String command;

        StoreMode(String command) {
            this.command = command;
        }

        public String command() {
            return command;
        }
    }
}
