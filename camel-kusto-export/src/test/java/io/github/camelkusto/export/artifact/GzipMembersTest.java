package io.github.camelkusto.export.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.github.camelkusto.testkit.Gzip;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compressed text artifacts as independent gzip members, compressed in parallel and written in order. */
class GzipMembersTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(3);

    @TempDir
    Path folder;

    @AfterEach
    void shutdown() {
        pool.shutdownNow();
    }

    /** About {@code bytes} of csv-like lines, each different. */
    private static byte[] text(int bytes) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; s.length() < bytes; i++) {
            s.append(i).append(",2026-01-01T00:00:").append(i % 60).append(".0000000Z,request ").append(i * 7919L)
                    .append(" served\r\n");
        }
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes {@code input} in writes of 1000 bytes (as chunks arrive) and returns the file written. */
    private Path compress(byte[] input, Executor compressors, int memberSize, int inFlight) throws IOException {
        Path file = folder.resolve("artifact.csv.gz");
        try (OutputStream sink = Files.newOutputStream(file);
                GzipMembers gzip = new GzipMembers(sink, compressors, memberSize, inFlight)) {
            for (int at = 0; at < input.length; at += 1000) {
                gzip.write(input, at, Math.min(1000, input.length - at));
            }
        }
        return file;
    }

    @Test
    void membersConcatenateIntoOneGzipFileThatTheGzipToolReadsBackWhole() throws Exception {
        byte[] input = text(3_000_000);
        AtomicInteger members = new AtomicInteger();

        Path file = compress(input, task -> {
            members.incrementAndGet();
            pool.execute(task);
        }, 64 * 1024, 3);

        assertThat(members.get()).isEqualTo((input.length + 64 * 1024 - 1) / (64 * 1024));
        assertThat(Gzip.isValid(file)).isTrue();
        assertThat(Gzip.decompressWithGzipTool(file)).isEqualTo(input);
        assertThat(Gzip.gunzip(file)).isEqualTo(input);
        assertThat(Files.size(file)).isLessThan(input.length / 3);
    }

    @Test
    void membersThatFinishOutOfOrderAreWrittenInOrder() throws Exception {
        byte[] input = text(1_000_000);

        Path file = compress(input, task -> pool.execute(() -> {
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(5_000_000)); // later members may finish first
            task.run();
        }), 16 * 1024, 4);

        assertThat(Gzip.decompressWithGzipTool(file)).isEqualTo(input);
    }

    @Test
    void noMoreThanInFlightMembersOfAWriterAreCompressingAtOnce() throws Exception {
        AtomicInteger pending = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();

        compress(text(1_000_000), task -> {
            most.accumulateAndGet(pending.incrementAndGet(), Math::max);
            pool.execute(() -> {
                LockSupport.parkNanos(1_000_000);
                pending.decrementAndGet(); // before the task completes its member, which frees the writer
                task.run();
            });
        }, 16 * 1024, 2);

        assertThat(most.get()).isEqualTo(2);
    }

    @Test
    void anEmptyArtifactIsOneEmptyMember() throws Exception {
        Path file = compress(new byte[0], pool, 1024, 2);

        assertThat(Gzip.isValid(file)).isTrue();
        assertThat(Gzip.decompressWithGzipTool(file)).isEmpty();
    }

    @Test
    void closingWritesWhatIsBufferedAndLeavesTheSinkOpen() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("the sink is committed or discarded by its owner, not closed here");
            }
        };
        byte[] input = text(10_000);
        GzipMembers gzip = new GzipMembers(sink, pool, 1 << 20, 2);
        gzip.write(input);
        gzip.close();

        Path file = folder.resolve("small.gz");
        Files.write(file, sink.toByteArray());
        assertThat(Gzip.decompressWithGzipTool(file)).isEqualTo(input);
    }
}
