package io.github.camelkusto.export;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.types.KqlType;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code .show} commands piped into a query, as ADX allows: the query runs over the command's result table. */
class ShowPipeTest extends CamelTestSupport {
    @TempDir
    Path exports;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:command").to("kusto-export:csv");
            }
        };
    }

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        KustoDatabase database = new KustoDatabase("test");
        Batch.Builder rows = Batch.builder(Schema.of(new Column("Id", KqlType.LONG)));
        for (long i = 1; i <= 5; i++) {
            rows.addRow(i);
        }
        database.append("Events", rows.build());
        database.append("Other", Batch.builder(Schema.of(new Column("X", KqlType.LONG))).addRow(1L).build());
        registry.bind("database", database);
    }

    private ResultTable run(String command) {
        return template.requestBody("direct:command", command, ResultTable.class);
    }

    private UUID export(String query) {
        return template.request("direct:command", e -> e.getMessage().setBody(".export to csv ('" + exports.toUri()
                + "') with (persistDetails=true) <| " + query))
                .getMessage().getHeader(KustoExportConstants.OPERATION_ID, UUID.class);
    }

    @Test
    void showOperationsPipedIntoAWhereKeepsTheFailedOnes() {
        UUID completed = export("Events");
        assertThatThrownBy(() -> run(".export to csv ('" + exports.toUri() + "') <| Evnts"))
                .isInstanceOf(CamelExecutionException.class);

        ResultTable badInput = run(".show operations | where State == 'BadInput' | project State, Status");
        ResultTable byState = run(".show operations | summarize Count = count() by State | order by State asc");

        assertThat(badInput.rowCount()).isEqualTo(1);
        assertThat(badInput.schema().names()).containsExactly("State", "Status");
        assertThat((String) badInput.value(0, "Status")).contains("Evnts");
        assertThat(byState.rows()).containsExactly(List.of("BadInput", 1L), List.of("Completed", 1L));
        assertThat(run(".show operations " + completed + " | project OperationId").rows())
                .containsExactly(List.of(completed));
    }

    @Test
    void showTablesPipedIntoAQuery() {
        assertThat(run(".show tables | where TableName startswith 'Ev' | project TableName").rows())
                .containsExactly(List.of("Events"));
    }

    @Test
    void showOperationDetailsPipedIntoASummarize() {
        UUID id = export("Events | take 3");

        assertThat(run(".show operation " + id + " details | summarize Records = sum(NumRecords)").rows())
                .containsExactly(List.of(3L));
    }

    @Test
    void anUnknownColumnInThePipedQueryPointsIntoTheWholeCommand() {
        String command = ".show operations\n| where Stat == 'Failed'";

        assertThatThrownBy(() -> run(command))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(KustoException.class)
                .hasMessageContaining("Stat")
                .hasMessageContaining("(line 2, column 9)");
    }
}
