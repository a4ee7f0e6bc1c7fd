package io.github.camelkusto.kql.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Partition;

/**
 * Runs a materialising operator's per-partition work (per-partition top-N) on up to one thread per core: the
 * calling thread and helpers from the engine's {@link Executor}. The calling thread works too and takes partitions
 * from the same counter as its helpers, so a helper that is slow to start, queued behind other work, rejected by
 * the executor (or an operator nested in another one's partition) never blocks it: it waits only for partitions a
 * running thread has already taken. Any executor is safe, even one with a single thread.
 */
final class Parallel {
    private final Executor helpers;

    Parallel(Executor helpers) {
        this.helpers = helpers;
    }

    /** {@code work.apply(p)} for every partition index {@code p} of {@code count}, results in index order. */
    <T> List<T> map(int count, IntFunction<T> work) {
        AtomicInteger next = new AtomicInteger();
        AtomicReferenceArray<Object> results = new AtomicReferenceArray<>(count);
        AtomicReferenceArray<Throwable> failures = new AtomicReferenceArray<>(count);
        AtomicInteger done = new AtomicInteger();
        Object lock = new Object();
        Runnable worker = () -> {
            for (int p = next.getAndIncrement(); p < count; p = next.getAndIncrement()) {
                try {
                    results.set(p, work.apply(p));
                } catch (RuntimeException | Error e) {
                    failures.set(p, e);
                }
                if (done.incrementAndGet() == count) {
                    synchronized (lock) {
                        lock.notifyAll();
                    }
                }
            }
        };
        int helperCount = Math.min(count, Runtime.getRuntime().availableProcessors()) - 1;
        for (int h = 0; h < helperCount; h++) {
            try {
                helpers.execute(worker);
            } catch (RejectedExecutionException busy) {
                break; // the calling thread does the rest
            }
        }
        worker.run();
        synchronized (lock) {
            while (done.get() < count) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new KustoException("query interrupted");
                }
            }
        }
        List<T> out = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            Throwable failure = failures.get(p);
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            @SuppressWarnings("unchecked")
            T result = (T) results.get(p);
            out.add(result);
        }
        return out;
    }

    /** A consumer of one partition's batches that keeps per-partition state. */
    interface BatchSink<S> {
        void accept(S state, Batch batch);
    }

    /**
     * Reads every partition into a state of its own ({@code create} makes one per partition, given its index),
     * in parallel; returns the states in partition order.
     */
    <S> List<S> readPartitions(List<Partition> partitions, IntFunction<S> create, BatchSink<S> sink) {
        return map(partitions.size(), p -> {
            S state = create.apply(p);
            try (BatchStream s = partitions.get(p).open()) {
                for (Batch b = s.next(); b != null; b = s.next()) {
                    sink.accept(state, b);
                }
            }
            return state;
        });
    }
}
