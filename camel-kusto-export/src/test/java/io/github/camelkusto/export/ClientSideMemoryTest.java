package io.github.camelkusto.export;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounded memory of a client-side export: a cluster (our Kusto REST server, in a JVM of its own) streams a
 * 10-million-row result to an export running in a JVM with a 256 MB heap, which writes it to a local folder.
 */
class ClientSideMemoryTest {
    private static final long ROWS = 10_000_000;

    @TempDir
    Path folder;

    @Test
    void tenMillionClusterRowsExportClientSideWithin256MegabytesOfHeap() throws Exception {
        Process server = java("-Xmx1g", ClusterServerMain.class.getName());
        try {
            BufferedReader serverOut = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8));
            String listening = serverOut.readLine();
            while (listening != null && !listening.startsWith("listening on ")) { // log lines come first
                listening = serverOut.readLine();
            }
            assertThat(listening).startsWith("listening on http://127.0.0.1:");
            String clusterUri = listening.substring("listening on ".length());

            Process export = java("-Xmx256m", ClientSideExportMain.class.getName(), folder.toString(), clusterUri,
                    Long.toString(ROWS));
            String output = new String(export.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(export.waitFor(10, TimeUnit.MINUTES)).isTrue();
            assertThat(export.exitValue()).as(output).isZero();

            String summary = output.lines().filter(l -> l.startsWith("SUMMARY ")).findFirst().orElseThrow();
            List<String[]> artifacts = output.lines().filter(l -> l.startsWith("ARTIFACT "))
                    .map(l -> l.substring(9).split(",")).toList();
            System.out.println("client-side export of " + ROWS + " cluster rows in a 256 MB heap: " + summary + ", "
                    + artifacts.size() + " artifacts");
            long records = 0;
            for (String[] artifact : artifacts) {
                Path file = Path.of(artifact[0]);
                assertThat(Files.size(file)).isEqualTo(Long.parseLong(artifact[2]));
                assertThat(lines(file)).isEqualTo(Long.parseLong(artifact[1]));
                records += Long.parseLong(artifact[1]);
            }
            assertThat(records).isEqualTo(ROWS);
        } finally {
            server.getOutputStream().close();
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Process java(String heap, String mainClass, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap, "-cp",
                System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** The records of a csv artifact without quoted line breaks: its line feeds. */
    private static long lines(Path file) throws Exception {
        long count = 0;
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        count++;
                    }
                }
            }
        }
        return count;
    }
}
