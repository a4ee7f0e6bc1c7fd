package io.github.camelkusto.testkit;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;

/**
 * A real Azurite blob service, started with Node.js on 127.0.0.1 on a free port with a temporary location.
 * Azurite comes from the npm package pinned in {@code src-test-fixtures/package-lock.json}, installed by the
 * build; its folder is the system property {@code azurite.home} (set by the parent pom) or found by walking
 * up from the working directory. Its output goes to a log file that failure messages quote.
 */
public final class Azurite implements AutoCloseable {
    /** Azurite's well-known development account (public, documented by Microsoft). */
    public static final String ACCOUNT = "devstoreaccount1";
    /** The development account's well-known key (public, documented by Microsoft). */
    public static final String ACCOUNT_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    /**
     * A second account of the same Azurite, so that tests can spread artifacts over two storage accounts (two
     * credentials), as {@code .export} to several connection strings does. Its key is this test kit's own.
     */
    public static final String SECOND_ACCOUNT = "devstoreaccount2";
    /** The second account's key: 64 bytes of base64, as Azure's keys are, and no secret (it is in this source). */
    public static final String SECOND_ACCOUNT_KEY = java.util.Base64.getEncoder().encodeToString(
            "camel-kusto-export test kit: the key of Azurite's second account".getBytes(StandardCharsets.US_ASCII));
    private static final String HOME_PROPERTY = "azurite.home";
    private static final String SCRIPT = "dist/src/blob/main.js"; // the package's azurite-blob bin
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final int START_ATTEMPTS = 3;
    private static final int MAX_CONTAINER_PREFIX = 30; // leaves room for "-" and 32 hex digits within 63

    private volatile Process process;
    private final Path location;
    private final boolean inMemory;
    private final int port;
    private final BlobServiceClient client;
    private final BlobServiceClient secondClient;

    private Azurite(Process process, Path location, boolean inMemory, int port) {
        this.process = process;
        this.location = location;
        this.inMemory = inMemory;
        this.port = port;
        this.client = new BlobServiceClientBuilder().endpoint(blobEndpoint())
                .credential(new StorageSharedKeyCredential(ACCOUNT, ACCOUNT_KEY)).buildClient();
        this.secondClient = new BlobServiceClientBuilder().endpoint(blobEndpoint(SECOND_ACCOUNT))
                .credential(new StorageSharedKeyCredential(SECOND_ACCOUNT, SECOND_ACCOUNT_KEY)).buildClient();
    }

    /** The CPU time Azurite's processes (node and its children) have used so far; zero where the OS will not say. */
    public Duration cpuTime() {
        Process running = process;
        return Stream.concat(Stream.of(running.toHandle()), running.descendants())
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    /** Starts Azurite and waits until it answers HTTP; fails with Azurite's own output if it does not. */
    public static Azurite start() throws IOException, InterruptedException {
        return start(false);
    }

    /**
     * Starts an Azurite that keeps blobs in memory rather than in files: for benchmarks, whose figures should not
     * depend on the disk Azurite writes to (nor on its collection of deleted files). {@link #restart()} loses its blobs.
     */
    public static Azurite startInMemory() throws IOException, InterruptedException {
        return start(true);
    }

    private static Azurite start(boolean inMemory) throws IOException, InterruptedException {
        String node = findNode();
        Path script = home().resolve(SCRIPT);
        Path location = Files.createTempDirectory("azurite-");
        try {
            for (int attempt = 1; ; attempt++) {
                int port = freePort();
                Path log = location.resolve("azurite-" + port + ".log");
                Process process = launch(node, script, port, location, inMemory, log);
                try {
                    awaitReady(process, port, log);
                    return new Azurite(process, location, inMemory, port);
                } catch (IOException e) {
                    stop(process);
                    // The port was free when picked but another process may have taken it before Azurite bound it.
                    if (attempt == START_ATTEMPTS || !read(log).contains("EADDRINUSE")) {
                        throw e;
                    }
                }
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            deleteRecursively(location);
            throw e;
        }
    }

    private static Process launch(String node, Path script, int port, Path location, boolean inMemory, Path log)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(node, script.toString(), "--blobHost", "127.0.0.1",
                "--blobPort", String.valueOf(port), "--silent", "--skipApiVersionCheck", "--loose"));
        // the location holds the log either way; Azurite refuses a location with in-memory persistence
        command.addAll(inMemory ? List.of("--inMemoryPersistence") : List.of("--location", location.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // Accounts Azurite serves (the well-known one must be listed too once any is): name:key pairs.
        builder.environment().put("AZURITE_ACCOUNTS", ACCOUNT + ":" + ACCOUNT_KEY + ";" + SECOND_ACCOUNT + ":"
                + SECOND_ACCOUNT_KEY);
        return builder.start();
    }

    /**
     * Stops the service as an outage would, keeping its storage and port: requests fail with refused connections
     * until {@link #restart()}. Only for an instance a test started itself, never the shared one.
     */
    public synchronized void stop() throws InterruptedException {
        stop(process);
    }

    /** Starts the service again on the same port with the same storage, after {@link #stop()}. */
    public synchronized void restart() throws IOException, InterruptedException {
        if (process.isAlive()) {
            throw new IllegalStateException("Azurite on port " + port + " is running: stop() it first");
        }
        Path log = location.resolve("azurite-" + port + "-restart.log");
        Process restarted = launch(findNode(), home().resolve(SCRIPT), port, location, inMemory, log);
        try {
            awaitReady(restarted, port, log);
        } catch (IOException e) {
            stop(restarted);
            throw e;
        }
        process = restarted;
    }

    /** The blob service URL of the account, such as {@code http://127.0.0.1:12345/devstoreaccount1}. */
    public String blobEndpoint() {
        return blobEndpoint(ACCOUNT);
    }

    private String blobEndpoint(String account) {
        return "http://127.0.0.1:" + port + "/" + account;
    }

    /** The storage account name, {@value #ACCOUNT}. */
    public String accountName() {
        return ACCOUNT;
    }

    /** The storage account key, {@link #ACCOUNT_KEY}. */
    public String accountKey() {
        return ACCOUNT_KEY;
    }

    /** The TCP port the blob service listens on, on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The Azure SDK's connection string form. */
    public String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + ACCOUNT_KEY
                + ";BlobEndpoint=" + blobEndpoint() + ";";
    }

    /** Kusto's {@code .export} form: {@code http://127.0.0.1:<port>/devstoreaccount1/<container>;<key>}. */
    public String kustoConnectionString(String container) {
        return blobEndpoint() + "/" + container + ";" + ACCOUNT_KEY;
    }

    /** A client for this service, authenticated with the account key. */
    public BlobServiceClient blobServiceClient() {
        return client;
    }

    /** The second account's blob service URL, {@code http://127.0.0.1:<port>/devstoreaccount2}. */
    public String secondBlobEndpoint() {
        return blobEndpoint(SECOND_ACCOUNT);
    }

    /** Kusto's {@code .export} form for a container of the second account, with the second account's key. */
    public String secondKustoConnectionString(String container) {
        return secondBlobEndpoint() + "/" + container + ";" + SECOND_ACCOUNT_KEY;
    }

    /** A client for the second account, authenticated with its key. */
    public BlobServiceClient secondBlobServiceClient() {
        return secondClient;
    }

    /** {@link #newContainer(String)} in the second account. */
    public String newSecondAccountContainer(String prefix) {
        return newContainer(secondClient, prefix);
    }

    /**
     * Creates a container with a unique valid name (3 to 63 of {@code [a-z0-9-]}) that starts with what
     * {@code prefix} has of letters and digits, and returns its name.
     */
    public String newContainer(String prefix) {
        return newContainer(client, prefix);
    }

    private static String newContainer(BlobServiceClient account, String prefix) {
        String clean = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        clean = clean.isEmpty() ? "c" : clean.substring(0, Math.min(clean.length(), MAX_CONTAINER_PREFIX));
        String name = clean + "-" + UUID.randomUUID().toString().replace("-", "");
        account.createBlobContainer(name);
        return name;
    }

    /** Stops Azurite and deletes its storage. */
    @Override
    public void close() throws IOException, InterruptedException {
        stop(process);
        deleteRecursively(location);
    }

    private static void stop(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
    }

    private static void awaitReady(Process process, int port, Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("Azurite exited with code " + process.exitValue() + ":\n" + read(log));
            }
            if (answersHttp(port)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IOException("Azurite did not answer on port " + port + " within " + START_TIMEOUT.toSeconds()
                + " s:\n" + read(log));
    }

    private static boolean answersHttp(int port) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/" + ACCOUNT
                    + "?comp=list").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(1000);
            connection.getResponseCode(); // any status, 403 included, means the server is up
            connection.disconnect();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no output)";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static String findNode() throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "node");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IOException("node was not found on PATH: the tests need Node.js 20+ to run Azurite"
                + " (on Debian: apt-get install nodejs npm; .ci/run installs them)");
    }

    /** Azurite's package folder: {@code azurite.home}, else {@code src-test-fixtures/node_modules/azurite} above. */
    static Path home() throws IOException {
        String property = System.getProperty(HOME_PROPERTY);
        if (property != null && Files.isRegularFile(Path.of(property, SCRIPT))) {
            return Path.of(property);
        }
        // azurite.home is wrong when Maven runs from the module itself, or unset when an IDE runs the tests.
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("src-test-fixtures/node_modules/azurite");
            if (Files.isRegularFile(candidate.resolve(SCRIPT))) {
                return candidate;
            }
        }
        String where = (property != null ? "at " + property + " (" + HOME_PROPERTY + ") nor " : "")
                + "in src-test-fixtures/node_modules/azurite above " + Path.of("").toAbsolutePath();
        throw new IOException("Azurite is not installed " + where + ": run `mvn -pl src-test-fixtures"
                + " generate-resources` in the project root, which installs it with npm ci");
    }
}
