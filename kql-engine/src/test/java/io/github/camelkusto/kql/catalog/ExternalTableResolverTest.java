package io.github.camelkusto.kql.catalog;

import java.util.List;
import java.util.Optional;

import io.github.camelkusto.kql.Kql;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.syntax.KustoSyntaxException;
import io.github.camelkusto.kql.types.KqlType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code external_table('T')} reads what the embedding application's resolver returns. */
class ExternalTableResolverTest {
    private static final Schema SCHEMA = Schema.of(new Column("Id", KqlType.LONG));

    private static KustoDatabase databaseWithExternalTable() {
        KustoDatabase database = new KustoDatabase("db");
        Batch rows = Batch.builder(SCHEMA).addRow(1L).addRow(2L).addRow(3L).build();
        database.setExternalTables(name -> name.equals("Lake")
                ? Optional.of(new Table("Lake", SCHEMA, List.of(rows))) : Optional.empty());
        return database;
    }

    @Test
    void externalTableIsAQuerySourceLikeATable() {
        Kql kql = new Kql(databaseWithExternalTable());

        assertThat(kql.rows("external_table('Lake') | where Id > 1 | summarize sum(Id)")).containsExactly("5");
    }

    @Test
    void anExternalTableTheResolverDoesNotKnowIsAnErrorAtItsName() {
        Kql kql = new Kql(databaseWithExternalTable());

        assertThatThrownBy(() -> kql.prepare("print 1 | join (external_table('Sea')) on $left.print_0 == $right.Id"))
                .isInstanceOf(KustoSyntaxException.class).hasMessageStartingWith("unknown external table 'Sea'");
    }

    @Test
    void aDatabaseWithoutResolverHasNoExternalTables() {
        assertThatThrownBy(() -> new Kql(new KustoDatabase("db")).prepare("external_table('Lake')"))
                .hasMessageStartingWith("unknown external table 'Lake'");
    }

    @Test
    void theTableNameMustBeAString() {
        assertThatThrownBy(() -> new Kql(new KustoDatabase("db")).prepare("external_table(Lake)"))
                .hasMessageStartingWith("expected the external table's name as a string");
    }
}
