package io.github.camelkusto.export.command;

import io.github.camelkusto.kql.syntax.SourceText;

/**
 * A {@code .show} command piped into a query, as ADX allows: {@code .show operations | where State == 'Failed'}.
 * The query runs on the embedded engine over the command's result table, which it sees as the table
 * {@link #INPUT_TABLE}: {@link #query()} is that table's name followed by the pipe, and {@link #queryStart()} where
 * that text would start in the command, so that an error in it points into the whole command.
 *
 * @param show      {@code .show tables}, {@code .show operations [...]} or {@code .show operation <id> details}
 * @param text      the whole command
 * @param pipeStart where the first {@code |} after the command is in {@code text}
 */
public record PipedShowCommand(KustoCommand show, SourceText text, int pipeStart) implements KustoCommand {
    /** The name the piped query reads the command's result table by. */
    public static final String INPUT_TABLE = "ShowResult";

    public PipedShowCommand {
        if (!(show instanceof ShowTablesCommand || show instanceof ShowOperationsCommand
                || show instanceof ShowOperationDetailsCommand || show instanceof ContinuousExportCommand c
                && c.verb().name().startsWith("SHOW"))) {
            throw new IllegalArgumentException("only a .show command can be piped into a query, not " + show);
        }
    }

    /** The query over the result table: {@code ShowResult | ...}. */
    public String query() {
        return INPUT_TABLE + text.text().substring(pipeStart);
    }

    /** Where {@link #query()} would start in the command ({@code INPUT_TABLE} ends where the pipe starts). */
    public int queryStart() {
        return pipeStart - INPUT_TABLE.length();
    }

    /** The pipe as the user wrote it, from {@code |}. */
    public String pipe() {
        return text.text().substring(pipeStart).strip();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.pipedShow(this);
    }
}
