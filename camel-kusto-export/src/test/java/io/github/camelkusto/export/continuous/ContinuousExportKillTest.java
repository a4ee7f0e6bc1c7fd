package io.github.camelkusto.export.continuous;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.github.camelkusto.testkit.DuckDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly once across crashes: a child JVM ingests batches ({@code .ingest}) into a kept database on one thread
 * while another runs a continuous export over them, and is killed with SIGKILL at a random moment, {@value #KILLS} times (-Dkills=N for more). A last
 * run drains what is left. Every record ingested is then in the lake exactly once, by id, as DuckDB reads it; the
 * runs a kill interrupted are listed as failures. About a minute on two cores.
 */
class ContinuousExportKillTest {
    private static final int KILLS = Integer.getInteger("kills", 20);

    @TempDir
    Path work;

    @Test
    void everyRecordIsExportedExactlyOnceWhateverMomentTheProcessIsKilledAt() throws Exception {
        Path database = work.resolve("database");
        Path operations = work.resolve("operations");
        Path lake = work.resolve("lake");
        Files.createDirectories(lake);
        Random random = new Random(Long.getLong("kill.seed", System.nanoTime()));
        int runsSeen = 0;
        for (int life = 0; life < KILLS; life++) {
            Process child = child(database, operations, lake);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line = out.readLine();
                while (line != null && !line.equals("READY")) {
                    line = out.readLine();
                }
                assertThat(line).as("the child's READY line").isEqualTo("READY");
                long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200 + random.nextInt(1500));
                // let it ingest and export until then, counting its runs
                while (System.nanoTime() < killAt) {
                    if (out.ready()) {
                        String run = out.readLine();
                        runsSeen += run != null && run.startsWith("RUN ") ? 1 : 0;
                        assertThat(run).as("a run in the child").doesNotContain("FAILED");
                    } else {
                        Thread.sleep(5);
                    }
                }
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                child.destroyForcibly();
            }
        }

        List<String> drained = drain(database, operations, lake);
        long ingested = Long.parseLong(drained.stream().filter(l -> l.startsWith("INGESTED ")).findFirst()
                .orElseThrow(() -> new AssertionError("no INGESTED line from the drain run: " + drained))
                .substring("INGESTED ".length()));
        String files = "read_csv('" + lake.toString().replace("'", "''")
                + "/**/*.csv', header=true, hive_partitioning=true)";
        System.out.printf("kill test: %d lives, %d runs seen, %d records ingested%n", KILLS, runsSeen, ingested);
        assertThat(ingested).as("records ingested over all lives").isGreaterThan(0);
        assertThat(DuckDb.count("SELECT count(*) FROM " + files)).as("records exported").isEqualTo(ingested);
        assertThat(DuckDb.count("SELECT count(DISTINCT Id) FROM " + files)).as("distinct ids").isEqualTo(ingested);
        assertThat(DuckDb.count("SELECT max(Id) FROM " + files)).isEqualTo(ingested); // ids are 1..ingested
        assertThat(DuckDb.count("SELECT count(*) FROM " + files + " WHERE Payload <> 'record-' || Id")).isZero();
        long undone = Long.parseLong(drained.stream().filter(l -> l.startsWith("UNDONE ")).findFirst()
                .orElseThrow(() -> new AssertionError("no UNDONE line from the drain run: " + drained))
                .substring("UNDONE ".length()));
        System.out.printf("kill test: %d run(s) a kill interrupted were undone%n", undone);
    }

    private static Process child(Path database, Path operations, Path lake, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ContinuousExportKillMain.class.getName(), database.toString(), operations.toString(),
                lake.toString()));
        command.addAll(List.of(more));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static List<String> drain(Path database, Path operations, Path lake) throws Exception {
        Process child = child(database, operations, lake, "drain");
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(lines).as("the drain run").anyMatch(l -> l.startsWith("DRAINED COMPLETED")
                || l.startsWith("DRAINED NOTHING_TO_EXPORT"));
        return lines;
    }
}
