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
 * up from the working directory.
 */
public final class Azurite implements AutoCloseable {
    /** Azurite's well-known development account and key (public, documented by Microsoft). */
    public static final String ACCOUNT = "devstoreaccount1";
    public static final String ACCOUNT_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path location;
    private final int port;
    private final BlobServiceClient client;

    private Azurite(Process process, Path location, int port) {
        this.process = process;
        this.location = location;
        this.port = port;
        this.client = new BlobServiceClientBuilder().endpoint(blobEndpoint())
                .credential(new StorageSharedKeyCredential(ACCOUNT, ACCOUNT_KEY)).buildClient();
    }

    /** Starts Azurite and waits until it answers HTTP; fails with Azurite's own output if it does not. */
    public static Azurite start() throws IOException, InterruptedException {
        String node = findNode();
        Path script = home().resolve("dist/src/blob/main.js");
        Path location = Files.createTempDirectory("azurite-");
        IOException lastFailure = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            Path log = location.resolve("azurite-" + port + ".log");
            Process process = new ProcessBuilder(node, script.toString(), "--blobHost", "127.0.0.1",
                    "--blobPort", String.valueOf(port), "--location", location.toString(), "--silent",
                    "--skipApiVersionCheck", "--loose")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                awaitReady(process, port, log);
                return new Azurite(process, location, port);
            } catch (IOException e) {
                process.destroyForcibly().waitFor();
                lastFailure = e; // most likely the free port was taken meanwhile: try another one
            }
        }
        throw lastFailure;
    }

    public String blobEndpoint() {
        return "http://127.0.0.1:" + port + "/" + ACCOUNT;
    }

    public String accountName() {
        return ACCOUNT;
    }

    public String accountKey() {
        return ACCOUNT_KEY;
    }

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

    public BlobServiceClient blobServiceClient() {
        return client;
    }

    /** Creates a container with a unique valid name starting with {@code prefix} and returns its name. */
    public String newContainer(String prefix) {
        String clean = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String name = (clean.isEmpty() ? "c" : clean) + "-" + UUID.randomUUID().toString().replace("-", "");
        name = name.substring(0, Math.min(name.length(), 63));
        client.createBlobContainer(name);
        return name;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (Stream<Path> files = Files.walk(location)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
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
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/" + ACCOUNT + "?comp=list")
                    .toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(1000);
            c.getResponseCode(); // any status means the server is up
            c.disconnect();
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

    private static String findNode() throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "node");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IOException("node was not found on PATH: the tests need Node.js 18+ to run Azurite"
                + " (on Debian: apt-get install nodejs npm; .ci/run installs it)");
    }

    static Path home() throws IOException {
        String property = System.getProperty("azurite.home");
        List<Path> candidates = new ArrayList<>();
        if (property != null) {
            candidates.add(Path.of(property));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve("src-test-fixtures/node_modules/azurite"));
            candidates.add(dir.resolve("node_modules/azurite"));
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate.resolve("dist/src/blob/main.js"))) {
                return candidate;
            }
        }
        throw new IOException("Azurite is not installed (looked in " + candidates.get(0) + " and above): run"
                + " `mvn -pl src-test-fixtures generate-resources`, which runs `npm ci` in src-test-fixtures");
    }
}
