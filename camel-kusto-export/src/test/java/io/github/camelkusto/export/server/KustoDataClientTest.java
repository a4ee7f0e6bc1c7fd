package io.github.camelkusto.export.server;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.KustoOperationResult;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.WellKnownDataSet;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.exec.QueryEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Microsoft's kusto-data 7.0.4 client talks to the embedded engine served over the Kusto REST protocol. */
class KustoDataClientTest {
    private KustoDatabase database;
    private ServedDatabase served;
    private KustoRestServer server;
    private Client client;

    @BeforeEach
    void start() throws Exception {
        database = new KustoDatabase("default");
        served = ServedDatabase.serve(database, ServerSettings.of(0, "default"));
        server = served.server();
        client = KustoDataClients.connect(server);
    }

    @AfterEach
    void stop() throws Exception {
        served.close();
    }

    private KustoResultSetTable query(String query) {
        KustoOperationResult result = client.executeQuery("default", query);
        KustoResultSetTable primary = result.getPrimaryResults();
        assertThat(primary.next()).as("a first row").isTrue();
        return primary;
    }

    @Test
    void everyKustoTypeRoundTrips() {
        KustoResultSetTable row = query("print b=true, i=int(-7), l=9000000000, r=1.5, d=decimal(12345678901234.5678),"
                + " s='h\u00e9llo \"q\"', t=datetime(2024-01-02 03:04:05.1234567), ts=time(1.02:03:04.5),"
                + " g=guid(0f8fad5b-d9cb-469f-a165-70867728950e), dyn=dynamic({\"a\":[1,2.5,\"x\"],\"n\":null})");

        assertThat(row.getBooleanObject("b")).isTrue();
        assertThat(row.getIntegerObject("i")).isEqualTo(-7);
        assertThat(row.getLongObject("l")).isEqualTo(9_000_000_000L);
        assertThat(row.getDouble("r")).isEqualTo(1.5);
        assertThat(row.getBigDecimal("d")).isEqualByComparingTo(new BigDecimal("12345678901234.5678"));
        assertThat(row.getString("s")).isEqualTo("h\u00e9llo \"q\"");
        assertThat(row.getKustoDateTime("t")).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_700));
        assertThat(row.getString("ts")).isEqualTo("1.02:03:04.5000000");
        assertThat(row.getUUID("g")).isEqualTo(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"));
        assertThat(row.getJSONObject("dyn").toString()).isEqualTo("{\"a\":[1,2.5,\"x\"],\"n\":null}");
        assertThat(columnTypes(row)).containsExactly("bool", "int", "long", "real", "decimal", "string", "datetime",
                "timespan", "guid", "dynamic");
    }

    @Test
    void realNaNAndInfinitiesComeAsKustoWritesThem() {
        KustoResultSetTable row = query("print nan=real(nan), pinf=real(+inf), ninf=real(-inf), neg=-0.25");

        assertThat(row.getObject("nan")).isEqualTo("NaN");
        assertThat(row.getObject("pinf")).isEqualTo("Infinity");
        assertThat(row.getObject("ninf")).isEqualTo("-Infinity");
        assertThat(row.getDouble("neg")).isEqualTo(-0.25);
    }

    @Test
    void aNullOfEveryTypeIsNull() {
        KustoResultSetTable row = query("print b=bool(null), i=int(null), l=long(null), r=real(null),"
                + " d=decimal(null), t=datetime(null), ts=timespan(null), g=guid(null), dyn=dynamic(null), s=''");

        for (String column : List.of("b", "i", "l", "r", "d", "t", "ts", "g", "dyn")) {
            assertThat(row.getObject(column)).as(column).isNull();
        }
        assertThat(row.getString("s")).as("Kusto strings are empty, never null").isEmpty();
    }

    @Test
    void aQueryAnswersWithTheThreeTablesOfAV2DataSet() {
        KustoOperationResult result = client.executeQuery("default", "range x from 1 to 20000 step 1");

        assertThat(result.getResultTables()).extracting(KustoResultSetTable::getTableKind).containsExactly(
                WellKnownDataSet.QueryProperties, WellKnownDataSet.PrimaryResult,
                WellKnownDataSet.QueryCompletionInformation);
        List<List<Object>> rows = result.getPrimaryResults().getData();
        assertThat(rows).hasSize(20000);
        assertThat(rows.get(19999).toString()).isEqualTo("[20000]");
    }

    @Test
    void managementCommandsReturnTheirTables() {
        client.executeMgmt("default", ".create table Events (Id:long, Name:string)");
        client.executeMgmt("default", ".ingest inline into table Events <| 1,one\n2,two");

        KustoResultSetTable tables = client.executeMgmt("default", ".show tables").getPrimaryResults();
        assertThat(tables.getData()).containsExactly(List.of("Events", "default"));
        KustoResultSetTable schema = client.executeMgmt("default", ".show table Events schema").getPrimaryResults();
        assertThat(schema.next()).isTrue();
        assertThat(schema.getString("TableName")).isEqualTo("Events");
        KustoResultSetTable count = query("Events | count");
        assertThat(count.getLong("Count")).isEqualTo(2L);
    }

    @Test
    void aBadQueryComesBackAsADataServiceExceptionWithTheEngineMessage() {
        String expected = catchThrowableOfType(KustoException.class,
                () -> new QueryEngine(database).prepare("NoSuchTable | take 1")).getMessage();

        DataServiceException e = catchThrowableOfType(DataServiceException.class,
                () -> client.executeQuery("default", "NoSuchTable | take 1"));

        assertThat(e.getMessage()).contains(expected);
        assertThat(e.isPermanent()).isTrue();
    }

    @Test
    void aBadManagementCommandComesBackWithTheParserMessage() {
        assertThatThrownBy(() -> client.executeMgmt("default", ".drop table NoSuchTable"))
                .isInstanceOf(DataServiceException.class).hasMessageContaining("NoSuchTable");
    }

    @Test
    void exportNeedsTheExporterAndSaysSo() {
        assertThatThrownBy(() -> client.executeMgmt("default", ".export to csv ('/tmp/x') <| print 1"))
                .isInstanceOf(DataServiceException.class).hasMessageContaining(".export and the operation commands"
                        + " need the exporter");
    }

    @Test
    void anotherDatabaseNameIsRejected() {
        assertThatThrownBy(() -> client.executeQuery("Samples", "print 1"))
                .isInstanceOf(DataServiceException.class)
                .hasMessageContaining("database 'Samples' does not exist: this server serves 'default'");
    }

    private static List<String> columnTypes(KustoResultSetTable table) {
        List<String> types = new ArrayList<>();
        for (var column : table.getColumns()) {
            types.add(column.getColumnType());
        }
        return types;
    }
}
