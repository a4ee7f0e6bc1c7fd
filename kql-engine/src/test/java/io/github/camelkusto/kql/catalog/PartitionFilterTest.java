package io.github.camelkusto.kql.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelkusto.kql.Kql;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.types.KqlType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partition filter the engine hands an external table's resolver for {@code external_table('T') | where ...}:
 * it rules out a partition only when no row of it can pass the where, evaluating the partition's expression with
 * the engine's own functions.
 */
class PartitionFilterTest {
    private static final Schema SCHEMA = Schema.of(new Column("Timestamp", KqlType.DATETIME),
            new Column("Tenant", KqlType.STRING), new Column("Id", KqlType.LONG));
    private static final Instant MARCH_1 = Instant.parse("2024-03-01T00:00:00Z");
    private static final Instant MARCH_2 = Instant.parse("2024-03-02T00:00:00Z");
    private static final Instant MARCH_3 = Instant.parse("2024-03-03T00:00:00Z");

    /** The filter a query gives the resolver. */
    private static PartitionFilter filterOf(String query) {
        AtomicReference<PartitionFilter> seen = new AtomicReference<>();
        KustoDatabase database = new KustoDatabase("db");
        database.setExternalTables(new ExternalTableResolver() {
            @Override
            public Optional<Table> resolve(String name) {
                return resolve(name, PartitionFilter.NONE);
            }

            @Override
            public Optional<Table> resolve(String name, PartitionFilter filter) {
                seen.set(filter);
                return Optional.of(new Table(name, SCHEMA, List.of()));
            }
        });
        new Kql(database).prepare(query);
        return seen.get();
    }

    private static boolean day(String where, Instant day) {
        return filterOf("external_table('T') | where " + where).mayMatch("bin(Timestamp, 1d)", day, day);
    }

    @Test
    void aRangeOnTheColumnRulesOutTheDaysOutsideIt() {
        String where = "Timestamp >= datetime(2024-03-02) and Timestamp < datetime(2024-03-03)";

        assertThat(day(where, MARCH_1)).isFalse();
        assertThat(day(where, MARCH_2)).isTrue();
        assertThat(day(where, MARCH_3)).isFalse(); // before March 3rd: nothing of that day
        assertThat(day("Timestamp <= datetime(2024-03-03)", MARCH_3)).isTrue();
        assertThat(day("datetime(2024-03-02) >= Timestamp", MARCH_2)).isTrue();
        assertThat(day("datetime(2024-03-02) >= Timestamp", MARCH_3)).isFalse();
        assertThat(day("datetime(2024-03-02 00:00:01) > Timestamp", MARCH_2)).isTrue();
    }

    @Test
    void betweenAndEqualityBoundTheDays() {
        assertThat(day("Timestamp between (datetime(2024-03-02 06:00) .. datetime(2024-03-02 18:00))", MARCH_1))
                .isFalse();
        assertThat(day("Timestamp between (datetime(2024-03-02 06:00) .. datetime(2024-03-02 18:00))", MARCH_2))
                .isTrue();
        assertThat(day("Timestamp == datetime(2024-03-03 12:00)", MARCH_3)).isTrue();
        assertThat(day("Timestamp == datetime(2024-03-03 12:00)", MARCH_2)).isFalse();
        assertThat(day("Timestamp !between (datetime(2024-03-02) .. datetime(2024-03-03))", MARCH_2)).isTrue();
    }

    @Test
    void aFolderSpanningSeveralValuesMatchesWhenAnyOfThemCan() {
        PartitionFilter filter = filterOf("external_table('T') | where Timestamp == datetime(2024-03-15 10:00)");

        assertThat(filter.mayMatch("bin(Timestamp, 1d)", MARCH_1, Instant.parse("2024-03-31T23:59:59Z"))).isTrue();
        assertThat(filter.mayMatch("bin(Timestamp, 1d)", MARCH_1, MARCH_3)).isFalse();
    }

    @Test
    void stringsMatchByEqualityAndIn() {
        PartitionFilter in = filterOf("external_table('T') | where Tenant in ('a', 'b')");

        assertThat(in.mayMatch("Tenant", "a", "a")).isTrue();
        assertThat(in.mayMatch("Tenant", "c", "c")).isFalse();
        assertThat(filterOf("external_table('T') | where Tenant == 'c'").mayMatch("Tenant", "c", "c")).isTrue();
    }

    @Test
    void aHashPartitionMatchesTheBucketsOfTheValuesTheWhereAllows() {
        PartitionFilter filter = filterOf("external_table('T') | where Id in (5, 6)");
        long five = (long) new Kql().scalar("print hash(5, 4)");
        long six = (long) new Kql().scalar("print hash(6, 4)");

        for (long bucket = 0; bucket < 4; bucket++) {
            assertThat(filter.mayMatch("hash(Id, 4)", bucket, bucket)).isEqualTo(bucket == five || bucket == six);
        }
    }

    @Test
    void whatTheEngineCannotTellIsKept() {
        assertThat(filterOf("external_table('T') | where Tenant == 'a' or Id == 1").mayMatch("Tenant", "b", "b"))
                .isTrue();
        assertThat(filterOf("external_table('T') | where Id > 3").mayMatch("hash(Id, 4)", 0L, 0L)).isTrue();
        assertThat(filterOf("external_table('T') | where Tenant == 'a'").mayMatch("Tenant", null, null)).isTrue();
        assertThat(filterOf("external_table('T') | count")).isSameAs(PartitionFilter.NONE);
        assertThat(filterOf("external_table('T') | where Id == 1 | where Tenant == 'a'").mayMatch("Tenant", "b", "b"))
                .isFalse();
    }
}
