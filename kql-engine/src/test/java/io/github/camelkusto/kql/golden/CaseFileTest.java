package io.github.camelkusto.kql.golden;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseFileTest {

    private static List<GoldenCase> parse(String text) {
        return CaseFile.parse("t.kql-cases", text);
    }

    @Test
    void aCaseHasATitleTablesAQueryAndAnExpectedTable() {
        GoldenCase c = parse("""
                // a comment
                === has matches whole terms only
                table T
                s:string
                hello world

                query: T | where s has "hello"
                expect
                s:string
                hello world
                """).get(0);
        assertThat(c.name()).isEqualTo("t.kql-cases :: has matches whole terms only");
        assertThat(c.line()).isEqualTo(2);
        assertThat(c.tables().get("T").csv()).isEqualTo("s:string\nhello world\n");
        assertThat(c.query()).isEqualTo("T | where s has \"hello\"");
        assertThat(c.expected().values()).containsExactly(List.of("hello world"));
        assertThat(c.ordered()).isFalse();
        assertThat(c.expectsError()).isFalse();
        assertThat(c.pending()).isNull();
    }

    @Test
    void sharedTablesAndPendingApplyToEveryCaseAndACaseMayOverrideThem() {
        List<GoldenCase> cases = parse("""
                pending: engine: where not implemented yet
                table T
                a:long
                1
                table U
                b:string
                === first
                query: T
                expect
                a:long
                1
                === second
                pending: engine: sort not implemented yet
                table T
                a:long
                2
                query: T
                expect ordered
                a:long
                2
                """);
        assertThat(cases.get(0).tables()).containsOnlyKeys("T", "U");
        assertThat(cases.get(0).pending()).isEqualTo("engine: where not implemented yet");
        assertThat(cases.get(1).tables().get("T").rows()).containsExactly("2");
        assertThat(cases.get(1).pending()).isEqualTo("engine: sort not implemented yet");
        assertThat(cases.get(1).ordered()).isTrue();
    }

    @Test
    void aQueryMaySpanLinesAndAnErrorMayNameItsPlace() {
        GoldenCase c = parse("""
                === unknown column
                query
                datatable(a:long)[1]
                | project b

                error at 2:11: unknown column 'b'
                error: did you mean
                """).get(0);
        assertThat(c.query()).isEqualTo("datatable(a:long)[1]\n| project b");
        assertThat(c.errors()).containsExactly("unknown column 'b'", "did you mean");
        assertThat(c.errorLine()).isEqualTo(2);
        assertThat(c.errorColumn()).isEqualTo(11);
    }

    @Test
    void anEmptyFieldIsNullExceptInAStringColumn() {
        GoldenCase c = parse("""
                === nulls
                query: T
                expect
                a:long,s:string,d:dynamic
                ,,null
                1,"",[1]
                """).get(0);
        assertThat(c.expected().values().get(0)).containsExactly(null, "", null);
        assertThat(c.expected().values().get(1).get(2)).hasToString("[1]");
    }

    @Test
    void malformedCasesAreRefusedWithTheirLine() {
        assertThatThrownBy(() -> parse("=== no query\nexpect\na:long\n")).hasMessage("t.kql-cases line 1: case 'no query' has no query");
        assertThatThrownBy(() -> parse("=== both\nquery: T\nexpect\na:long\nerror: x\n"))
                .hasMessageContaining("line 1: case 'both' needs exactly one of 'expect' and 'error'");
        assertThatThrownBy(() -> parse("=== neither\nquery: T\n")).hasMessageContaining("needs exactly one of");
        assertThatThrownBy(() -> parse("=== a\nquery: T\nerror: x\n=== a\nquery: T\nerror: y\n"))
                .hasMessageContaining("line 4: a second case titled 'a'");
        assertThatThrownBy(() -> parse("query: T\n")).hasMessageContaining("line 1: expected '=== title'");
        assertThatThrownBy(() -> parse("=== t\ntable T\n\nquery: T\nerror: x\n"))
                .hasMessageContaining("line 2: a table needs a header line");
    }

    @Test
    void aTableMayHaveNoRows() {
        GoldenCase c = parse("=== t\ntable T\na:long\nquery: T\nexpect\na:long\n").get(0);
        assertThat(c.tables().get("T").csv()).isEqualTo("a:long\n");
        assertThat(c.expected().values()).isEmpty();
    }

    @Test
    void anUnknownColumnTypeIsRefused() {
        GoldenCase c = parse("=== t\nquery: T\nexpect\na:text\n").get(0);
        assertThatThrownBy(() -> c.expected().schema()).hasMessageContaining("column 'a:text' has an unknown type");
    }

    @Test
    void theCaseFilesOfTheProjectAllRead() {
        assertThat(KqlCasesTest.loadAll()).hasSizeGreaterThanOrEqualTo(20).allSatisfy(c -> {
            if (!c.expectsError()) {
                assertThat(c.expected().values()).isNotNull();
            }
        });
    }

    @Test
    void aCaseMayCiteItsSourceAndBeSkippedWithAReason() {
        GoldenCase c = parse("""
                === depends on the clock
                // source: https://learn.microsoft.com/kusto/query/now-function
                skip: depends on the clock
                query: print now()
                expect
                print_0:datetime
                """).get(0);
        assertThat(c.source()).isEqualTo("https://learn.microsoft.com/kusto/query/now-function");
        assertThat(c.skip()).isEqualTo("depends on the clock");
        assertThat(parse("=== t\nquery: print 1\nexpect\nprint_0:long\n1\n").get(0).source()).isNull();
    }

    @Test
    void everyDocumentedExampleCitesItsPage() {
        assertThat(KqlCasesTest.loadAll()).filteredOn(KqlCasesTest::documented).hasSizeGreaterThanOrEqualTo(250)
                .allSatisfy(c -> assertThat(c.source()).startsWith("https://learn.microsoft.com/kusto/query/"));
    }
}
