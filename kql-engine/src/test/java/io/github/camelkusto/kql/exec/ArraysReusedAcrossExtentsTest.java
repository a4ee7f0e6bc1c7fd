package io.github.camelkusto.kql.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;

import io.github.camelkusto.kql.Kql;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.control.TableCommandParser;
import io.github.camelkusto.kql.control.TableCommandRunner;
import io.github.camelkusto.kql.syntax.SourceText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Joins and filters over stored tables of several extents (65,536 rows each), read on every core, where arrays
 * serve extent after extent: an extend right under a join writes its columns into the same arrays, a where's
 * predicate too; the build side is sized from its table and a build side whose every row has a key of its own
 * keeps no row chains. Each result is checked against figures computed here, row by row where the row's values
 * say whether it was joined right.
 */
class ArraysReusedAcrossExtentsTest {
    private static final KustoDatabase DATABASE = new KustoDatabase("joins");
    private static final Kql KQL = new Kql(DATABASE);
    private static final long LEFT_ROWS = 300_000;
    private static final long USERS = 200_000;

    @BeforeAll
    static void load() {
        QueryEngine engine = new QueryEngine(DATABASE);
        TableCommandRunner runner = new TableCommandRunner(DATABASE, engine);
        runner.run(TableCommandParser.parse(new SourceText(
                ".set-or-replace T <| range i from 0 to " + (LEFT_ROWS - 1) + " step 1")));
        // a key of its own per row, over 4 extents
        runner.run(TableCommandParser.parse(new SourceText(
                ".set-or-replace U <| range id from 0 to " + (USERS - 1) + " step 1 | extend name = strcat('u', id)")));
        // each key three times, in three different extents
        runner.run(TableCommandParser.parse(new SourceText(
                ".set-or-replace D <| range r from 0 to 149999 step 1 | extend id = r % 50000")));
        // keys far apart (hashed, not dense), and keys with nulls, stored over three extents
        runner.run(TableCommandParser.parse(new SourceText(
                ".set-or-replace S <| range r from 0 to 149999 step 1 | extend id = r * 1000003")));
        runner.run(TableCommandParser.parse(new SourceText(
                ".set-or-replace N <| range r from 0 to 149999 step 1 | extend id = iif(r % 3 == 0, long(null), r % 50000)")));
    }

    @Test
    void anExtendedKeyJoinsEachExtentOnItsOwnValues() {
        long keySum = LongStream.range(0, LEFT_ROWS).map(i -> i % USERS).sum();
        assertThat(KQL.rows("T | extend k = i % " + USERS + " | join kind=inner (U) on $left.k == $right.id"
                + " | summarize n = count(), right = countif(name == strcat('u', k) and id == i % " + USERS + "),"
                + " keys = sum(k)"))
                .containsExactly(LEFT_ROWS + ", " + LEFT_ROWS + ", " + keySum);
    }

    @Test
    void twoJoinsOfExtendedKeysInOneQueryEachSeeTheirOwnKeys() {
        assertThat(KQL.rows("union (T | extend k = i % " + USERS + ", shift = 0),"
                + " (T | extend k = (i + 7) % " + USERS + ", shift = 7)"
                + " | join kind=inner (U | extend twice = id * 2) on $left.k == $right.id"
                + " | summarize n = count(), right = countif(k == (i + shift) % " + USERS + " and twice == 2 * k"
                + " and name == strcat('u', k)) by shift | order by shift asc"))
                .containsExactly("0, " + LEFT_ROWS + ", " + LEFT_ROWS, "7, " + LEFT_ROWS + ", " + LEFT_ROWS);
        assertThat(KQL.rows("T | extend k = i % 1000 | join kind=inner (T | extend k = i % 1000 | where i < 2000)"
                + " on k | summarize n = count(), right = countif(i % 1000 == i1 % 1000)"))
                .containsExactly((LEFT_ROWS * 2) + ", " + (LEFT_ROWS * 2));
    }

    @Test
    void keysRepeatedAcrossBuildExtentsMatchEveryOneOfTheirRows() {
        long matched = LongStream.range(0, LEFT_ROWS).filter(i -> i % 60_000 < 50_000).count() * 3;
        assertThat(KQL.rows("T | extend id = i % 60000 | join kind=inner (D) on id"
                + " | summarize n = count(), right = countif(r % 50000 == id and id == i % 60000), rs = dcount(r)"))
                .containsExactly(matched + ", " + matched + ", 150000");
    }

    @Test
    void rightOuterAndAntiEndWithTheRightRowsOfTheirOwnGroups() {
        assertThat(KQL.rows("T | where i < 5 | extend k = i * 2 | join kind=rightouter (U) on $left.k == $right.id"
                + " | summarize n = count(), matched = countif(isnotnull(i) and k == id)"))
                .containsExactly(USERS + ", 5");
        assertThat(KQL.rows("T | where i < 3 | extend id = i + 1 | join kind=rightanti (D) on id | count"))
                .containsExactly(String.valueOf(150_000 - 9));
        assertThat(KQL.rows("T | where i < 3 | extend id = i + 1 | join kind=rightsemi (U) on id"
                + " | summarize n = count(), ids = sum(id)"))
                .containsExactly("3, 6");
    }

    @Test
    void aStringKeyOfItsOwnPerRowJoinsByHash() {
        assertThat(KQL.rows("T | extend name = strcat('u', i % " + USERS + ") | join kind=inner (U) on name"
                + " | summarize n = count(), right = countif(id == i % " + USERS + ")"))
                .containsExactly(LEFT_ROWS + ", " + LEFT_ROWS);
    }

    @Test
    void aKeyDividedByZeroIsNullInEveryExtentAndMatchesNoId() {
        long odd = LEFT_ROWS / 2;
        long oddIds = LongStream.range(0, USERS).filter(i -> i % 2 == 1).count();
        assertThat(KQL.rows("T | extend k = i / (i % 2) | join kind=leftouter (U) on $left.k == $right.id"
                + " | summarize nullKeys = countif(isnull(k)), matched = countif(id == i)"))
                .containsExactly((LEFT_ROWS - odd) + ", " + oddIds);
    }

    @Test
    void aWhereOfArithmeticCountsEveryExtent() {
        long expected = LongStream.range(0, LEFT_ROWS).filter(i -> i * 3 % 7 == 1 && i % 2 == 0).count();
        assertThat(KQL.rows("T | where (i * 3) % 7 == 1 and not(i % 2 == 1) | count"))
                .containsExactly(String.valueOf(expected));
    }

    @Test
    void aWhereOfAStringSearchCountsEveryExtent() {
        long containing = LongStream.range(0, USERS).filter(id -> String.valueOf(id).contains("1999")).count();
        long having = LongStream.range(0, USERS).filter(id -> id % 1000 == 7).count();
        assertThat(KQL.rows("U | where name contains '1999' | count")).containsExactly(String.valueOf(containing));
        assertThat(KQL.rows("U | extend tag = strcat(name, ' t', id % 1000, ' x') | where tag has 't7' | count"))
                .containsExactly(String.valueOf(having));
    }

    @Test
    void storedKeysFarApartAreHashedExtentAfterExtent() {
        assertThat(KQL.rows("T | extend k = i * 1000003 | join kind=inner (S) on $left.k == $right.id"
                + " | summarize n = count(), right = countif(r == i)"))
                .containsExactly("150000, 150000");
    }

    @Test
    void storedKeysWithNullsMatchNullKeysAndTheirOwnValues() {
        long nullRight = LongStream.range(0, 150_000).filter(r -> r % 3 == 0).count();
        long pairs = 0;
        for (long i = 0; i < 10; i++) {
            long left = i;
            pairs += i % 2 == 0 ? nullRight
                    : LongStream.range(0, 150_000).filter(r -> r % 3 != 0 && r % 50_000 == left % 50_000).count();
        }
        assertThat(KQL.rows("T | where i < 10 | extend id = iif(i % 2 == 0, long(null), i % 50000)"
                + " | join kind=inner (N) on id | summarize n = count(), nulls = countif(isnull(id))"))
                .containsExactly(pairs + ", " + 5 * nullRight);
    }
}
