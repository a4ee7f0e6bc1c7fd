package io.github.camelkusto.examples;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import io.github.camelkusto.export.ExporterManagementCommands;
import io.github.camelkusto.export.KustoExportComponent;
import io.github.camelkusto.export.KustoExportConfiguration;
import io.github.camelkusto.export.cluster.Pushdown;
import io.github.camelkusto.export.command.KustoName;
import io.github.camelkusto.export.server.KustoRestServer;
import io.github.camelkusto.export.server.ManagementCommands;
import io.github.camelkusto.export.server.ServerSettings;
import io.github.camelkusto.kql.data.ResultTable;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;

/**
 * The command-line tool of the project, for the quickstart and for scripting exports: modes {@code exec},
 * {@code query}, {@code run} and {@code serve}; {@code --help} for the tool and each mode ({@link #HELP}).
 */
public final class KustoExportCli {
    static final int OK = 0;
    static final int FAILED = 2;
    private static final String ENDPOINT = "kusto-export:csv";
    /** The states of an export that has not ended yet. */
    private static final Set<String> RUNNING = Set.of("Scheduled", "InProgress");
    private static final long POLL_MILLIS = 100;
    private static final String USAGE = """
            usage: kusto-export <mode> [options] [arguments]   (kusto-export <mode> --help for a mode's options)

            modes:
              exec    run one command or query (.export, .show, a bare query exported) and print its result table
              query   print a bare query's rows as a table, CSV or JSON, without exporting anything
              run     run YAML/XML route files with Camel Main
              serve   serve the embedded engine over the Kusto REST protocol on 127.0.0.1

            exit codes: 0 done, 2 failed (the error on stderr)
            """;
    /** Each mode's help, printed by {@code kusto-export <mode> --help}. */
    static final Map<String, String> HELP = Map.of(
            "exec", """
                    usage: kusto-export exec [--data DIR] [--storage CONN] [--storage-retry-attempts N] [--no-wait]
                        [--cluster URL [--database NAME] [--token T] [--pushdown auto|always|never]] '<text>'

                    Runs one command: a .export command, a .show command, or a bare KQL query (exported as csv to
                    --storage, default the local folder ./exports). Prints its result table as CSV on stdout; exit 2
                    and the error on stderr if it fails (a failed export also lists, as CSV on stderr, the artifacts
                    it had committed, which stay in storage). An async export is waited for and its artifact table
                    printed, unless --no-wait: then its operation id is printed, and the export, which runs inside
                    this process, ends with it. On a terminal, a progress line on stderr shows a long export's
                    artifacts, records and bytes so far.

                      --data DIR                   load a data folder ({Table}.csv, .tsv, .json, .parquet) first
                      --storage CONN               where a bare query is exported (a connection string or folder)
                      --storage-retry-attempts N   attempts of one storage request (default 9)
                      --no-wait                    print an async export's operation id and exit
                      --cluster URL                run the command on that Azure Data Explorer cluster instead
                      --database NAME              the cluster's database
                      --token T                    an access token sent as bearer (else DefaultAzureCredential,
                                                   none for a local http endpoint)
                      --pushdown auto|always|never whether the cluster writes the artifacts itself (default auto)
                    """,
            "query", """
                    usage: kusto-export query [--data DIR] [--format table|csv|json] '<query>'

                    Runs a bare KQL query on the embedded engine and prints its first %d rows, exporting nothing:
                    as an aligned table (the default; cells longer than %d characters are cut), as CSV with a
                    header line, or as JSON lines (one object per row). A note on stderr says when the result has
                    more rows.

                      --data DIR        load a data folder ({Table}.csv, .tsv, .json, .parquet) first
                      --format FORMAT   table (default), csv or json
                    """.formatted(QueryPreview.MAX_ROWS, QueryPreview.MAX_CELL),
            "run", """
                    usage: kusto-export run [--data DIR] [--duration SECONDS] [--max-messages N] FILE...

                    Runs YAML/XML route files with Camel Main until stopped, or for --duration seconds, or until
                    --max-messages exchanges are done.

                      --data DIR           the component's data folder (camel.component.kusto-export.data-dir)
                      --duration SECONDS   stop after this long
                      --max-messages N     stop after N exchanges
                    """,
            "serve", """
                    usage: kusto-export serve [--data DIR] [--port N] [--database NAME] [--token T]

                    Serves the embedded engine over the Kusto REST protocol on 127.0.0.1 until stopped; prints
                    "listening on http://127.0.0.1:<port>" on stdout once ready.

                      --data DIR        load a data folder first
                      --port N          the port (default 0: a free one)
                      --database NAME   the database name clients use (default the component's, 'default')
                      --token T         a bearer token every request must carry (never printed)
                    """);

    private KustoExportCli() {
    }

    public static void main(String[] args) {
        // A progress line redraws itself with carriage returns: only where stderr is a terminal.
        System.exit(run(args, System.out, System.err, System.console() != null));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, false);
    }

    /** @param terminal stderr is a terminal: long exports draw a progress line there */
    static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            (args.length == 0 ? err : out).print(USAGE);
            return args.length == 0 ? FAILED : OK;
        }
        if (HELP.containsKey(args[0]) && (List.of(args).contains("--help") || List.of(args).contains("-h"))) {
            out.print(HELP.get(args[0]));
            return OK;
        }
        try {
            Arguments arguments = Arguments.parse(args);
            return switch (arguments.mode()) {
                case "exec" -> exec(arguments, out, err, terminal);
                case "query" -> query(arguments, out, err);
                case "run" -> runRoutes(arguments);
                case "serve" -> serve(arguments, out);
                default -> throw new IllegalArgumentException("unknown mode '" + arguments.mode() + "'");
            };
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(HELP.getOrDefault(args[0], USAGE));
            return FAILED;
        } catch (Exception e) {
            err.println("error: " + rootMessage(e));
            return FAILED;
        }
    }

    private static int query(Arguments arguments, PrintStream out, PrintStream err) throws Exception {
        if (arguments.positional().size() != 1) {
            throw new IllegalArgumentException("query takes exactly one query text");
        }
        QueryPreview.Format format;
        try {
            format = QueryPreview.Format.valueOf(arguments.format() == null ? "table" : arguments.format());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format must be table, csv or json, not '" + arguments.format() + "'");
        }
        try (CamelContext context = new DefaultCamelContext()) {
            KustoExportComponent component = new KustoExportComponent();
            component.setDataDir(arguments.data());
            context.addComponent("kusto-export", component);
            context.start();
            QueryPreview.print(component.getDatabase(), arguments.positional().get(0), format, out, err);
            return OK;
        }
    }

    private static int exec(Arguments arguments, PrintStream out, PrintStream err, boolean terminal)
            throws Exception {
        if (arguments.positional().size() != 1) {
            throw new IllegalArgumentException("exec takes exactly one command text");
        }
        try (CamelContext context = new DefaultCamelContext()) {
            KustoExportComponent component = new KustoExportComponent();
            component.setDataDir(arguments.data());
            if (arguments.storageRetryAttempts() > 0) {
                component.setStorageRetryAttempts(arguments.storageRetryAttempts());
            }
            if (arguments.storage() != null) {
                component.getConfiguration().setStorage(arguments.storage());
            }
            configureCluster(component.getConfiguration(), arguments);
            context.addComponent("kusto-export", component);
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            try {
                ResultTable table;
                try (AutoCloseable progress = ExportProgress.start(terminal, context, template, ENDPOINT, err)) {
                    table = template.requestBody(ENDPOINT, arguments.positional().get(0), ResultTable.class);
                }
                if (table.schema().names().equals(List.of("OperationId")) && !arguments.noWait()) {
                    try (AutoCloseable progress = ExportProgress.start(terminal, context, template, ENDPOINT, err)) {
                        return awaitExport(template, (UUID) table.value(0, "OperationId"), out, err, progress);
                    }
                }
                out.print(table.toCsv());
                out.flush();
                if (table.schema().names().equals(List.of("OperationId")) && arguments.cluster() == null) {
                    err.println("note: --no-wait: the export runs inside this process, which exits now: it is"
                            + " stopped and what it had not committed is discarded");
                }
                return OK;
            } catch (CamelExecutionException e) {
                err.println("error: " + rootMessage(e));
                if (arguments.cluster() == null) { // a cluster's .show operations lists far more than this run
                    printCommittedArtifacts(template, err);
                }
                return FAILED;
            }
        }
    }

    /** --cluster, --database, --token and --pushdown as the component's cluster options. */
    private static void configureCluster(KustoExportConfiguration configuration, Arguments arguments) {
        if (arguments.cluster() == null) {
            if (arguments.pushdown() != null || arguments.token() != null || arguments.database() != null) {
                throw new IllegalArgumentException("--database, --token and --pushdown go with --cluster");
            }
            return;
        }
        configuration.setClusterUri(arguments.cluster());
        configuration.setClusterDatabase(arguments.database());
        configuration.setAccessToken(arguments.token());
        if (arguments.pushdown() != null) {
            configuration.setPushdown(KustoName.lookup(Pushdown.class, arguments.pushdown()).orElseThrow(() ->
                    new IllegalArgumentException("--pushdown takes auto, always or never, not '"
                            + arguments.pushdown() + "'")));
        }
    }

    /**
     * Waits for an async export, which runs in this process and would end with it: prints its final state on
     * stderr and the artifacts it left in storage as CSV on stdout; exit 0 only when it completed.
     */
    private static int awaitExport(ProducerTemplate template, UUID id, PrintStream out, PrintStream err,
            AutoCloseable progress) throws Exception {
        ResultTable operation;
        do {
            Thread.sleep(POLL_MILLIS);
            operation = template.requestBody(ENDPOINT, ".show operations " + id + " | project State, Status",
                    ResultTable.class);
        } while (RUNNING.contains((String) operation.value(0, "State")));
        progress.close(); // erased before the outcome is printed
        String state = (String) operation.value(0, "State");
        err.println("operation " + id + " " + state + ": " + operation.value(0, "Status"));
        try {
            out.print(template.requestBody(ENDPOINT, ".show operation " + id + " details", ResultTable.class)
                    .toCsv());
            out.flush();
        } catch (CamelExecutionException e) {
            err.println("error: " + rootMessage(e)); // details not kept (persistDetails=false)
            return FAILED;
        }
        return state.equals("Completed") ? OK : FAILED;
    }

    /**
     * After a failed export: the artifacts it had committed, which stay in storage, as {@code .show operation
     * <id> details} lists them (this context ran one command, so its one failed operation is that export).
     */
    private static void printCommittedArtifacts(ProducerTemplate template, PrintStream err) {
        for (Map<String, Object> operation : template.requestBody(ENDPOINT, ".show operations", ResultTable.class)
                .toMaps()) {
            if (!"Failed".equals(operation.get("State")) && !"Canceled".equals(operation.get("State"))) {
                continue;
            }
            Object id = operation.get("OperationId");
            ResultTable committed = template.requestBody(ENDPOINT, ".show operation " + id + " details",
                    ResultTable.class);
            if (committed.rowCount() > 0) {
                err.println(committed.rowCount() + " committed artifact(s) stay in storage (.show operation " + id
                        + " details):");
                err.print(committed.toCsv());
            }
        }
    }

    private static int runRoutes(Arguments arguments) throws Exception {
        if (arguments.positional().isEmpty()) {
            throw new IllegalArgumentException("run needs at least one route file");
        }
        List<String> includes = new ArrayList<>();
        for (String file : arguments.positional()) {
            Path path = Path.of(file).toAbsolutePath();
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("route file " + path + " does not exist");
            }
            includes.add("file:" + path);
        }
        Main main = new Main();
        main.configure().withRoutesIncludePattern(String.join(",", includes));
        if (arguments.data() != null) {
            main.addProperty("camel.component.kusto-export.data-dir", arguments.data());
        }
        if (arguments.durationSeconds() > 0) {
            main.configure().setDurationMaxSeconds(arguments.durationSeconds());
        }
        if (arguments.maxMessages() > 0) {
            main.configure().setDurationMaxMessages(arguments.maxMessages());
        }
        return main.run(new String[0]) == 0 ? OK : FAILED;
    }

    /**
     * Serves the component's embedded database over the Kusto REST protocol. Management commands, {@code .export}
     * included, go through a {@code kusto-export:} endpoint, exactly as {@code exec} runs them.
     */
    private static int serve(Arguments arguments, PrintStream out) throws Exception {
        if (!arguments.positional().isEmpty()) {
            throw new IllegalArgumentException("serve takes no command text");
        }
        CamelContext context = new DefaultCamelContext();
        KustoExportComponent component = new KustoExportComponent();
        component.setDataDir(arguments.data());
        context.addComponent("kusto-export", component);
        context.start();
        ManagementCommands commands = new ExporterManagementCommands(context, ENDPOINT);
        String name = arguments.database() != null ? arguments.database() : component.getDatabase().name();
        // requests on the component's Camel pool (profile kustoExportServer), queries on its engine pool
        KustoRestServer server = component.serve(commands,
                ServerSettings.of(arguments.port(), name).withToken(arguments.token()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            try {
                context.close();
            } catch (Exception e) {
                System.err.println("error: stopping Camel: " + rootMessage(e));
            }
            stopped.countDown();
        }, "kusto-export-serve-shutdown"));
        out.println("listening on " + server.uri());
        out.flush();
        stopped.await();
        return OK;
    }

    /** The innermost message: what went wrong, without Camel's wrapping. */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t
                && (t instanceof CamelExecutionException || t.getMessage() == null)) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }
}
