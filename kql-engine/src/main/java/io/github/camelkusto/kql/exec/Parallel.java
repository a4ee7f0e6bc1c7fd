package io.github.camelkusto.kql.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;

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

    /** A consumer of batches into the state of the thread reading them, told where each batch sits in the input. */
    interface PositionedSink<S> {
        void accept(S state, int partition, int firstRow, Batch batch);
    }

    /**
     * Reads every partition into the state of the thread that takes it ({@code create} makes one per thread that
     * takes any), the calling thread and its helpers each taking the next unread partition: the states of
     * disjoint sets of partitions, in no particular order, for the caller to merge.
     */
    <S> List<S> foldPartitions(List<Partition> partitions, Supplier<S> create, PositionedSink<S> sink) {
        int count = partitions.size();
        List<S> states = new ArrayList<>();
        AtomicInteger next = new AtomicInteger();
        map(Math.min(count, Runtime.getRuntime().availableProcessors()), worker -> {
            S state = null;
            for (int p = next.getAndIncrement(); p < count; p = next.getAndIncrement()) {
                if (state == null) {
                    state = create.get();
                    synchronized (states) {
                        states.add(state);
                    }
                }
                int row = 0;
                try (BatchStream s = partitions.get(p).open()) {
                    for (Batch b = s.next(); b != null; b = s.next()) {
                        sink.accept(state, p, row, b);
                        row += b.rowCount();
                    }
                }
            }
            return null;
        });
        return states;
    }

    /**
     * Every batch of every partition, handed to {@code sink} on the calling thread in partition order (the order a
     * serial read gives), while helpers read the partitions ahead, at most {@link #AHEAD_PER_CORE} per core of them
     * buffered: the streaming operators under a materialising one (where, extend, a join's probe) run on every
     * core, and the sink alone stays serial. A partition no helper has taken yet is read by the calling thread
     * itself, straight into the sink, so a slow or busy executor only costs parallelism.
     */
    void forEachBatchInOrder(List<Partition> partitions, Consumer<Batch> sink) {
        int count = partitions.size();
        int cores = Runtime.getRuntime().availableProcessors();
        int helperCount = Math.min(count, cores) - 1;
        if (helperCount <= 0) {
            partitions.forEach(p -> readInto(p, sink));
            return;
        }
        int ahead = AHEAD_PER_CORE * cores;
        AtomicInteger next = new AtomicInteger();
        AtomicInteger consumed = new AtomicInteger();
        AtomicBoolean stopped = new AtomicBoolean();
        AtomicReferenceArray<Object> read = new AtomicReferenceArray<>(count); // a List<Batch>, or a Throwable
        Object lock = new Object();
        Runnable helper = () -> {
            while (!stopped.get()) {
                int p = next.get();
                if (p >= count) {
                    return;
                }
                if (p >= consumed.get() + ahead) {
                    synchronized (lock) {
                        try {
                            if (!stopped.get() && next.get() >= consumed.get() + ahead) {
                                lock.wait();
                            }
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    continue;
                }
                if (!next.compareAndSet(p, p + 1)) {
                    continue;
                }
                read.set(p, readAll(partitions.get(p)));
                synchronized (lock) {
                    lock.notifyAll();
                }
            }
        };
        for (int h = 0; h < helperCount; h++) {
            try {
                helpers.execute(helper);
            } catch (RejectedExecutionException busy) {
                break; // the calling thread does the rest
            }
        }
        try {
            for (int c = 0; c < count; c++) {
                if (next.compareAndSet(c, c + 1)) {
                    readInto(partitions.get(c), sink);
                } else {
                    // partition c is being read by a helper: read ahead here too rather than wait for it
                    for (int p = next.get(); read.get(c) == null && p < count && p < c + ahead; p = next.get()) {
                        if (next.compareAndSet(p, p + 1)) {
                            read.set(p, readAll(partitions.get(p)));
                        }
                    }
                    Object result = awaitRead(read, c, lock);
                    read.set(c, null);
                    if (result instanceof RuntimeException e) {
                        throw e;
                    }
                    if (result instanceof Error e) {
                        throw e;
                    }
                    @SuppressWarnings("unchecked")
                    List<Batch> batches = (List<Batch>) result;
                    batches.forEach(sink);
                }
                consumed.set(c + 1);
                synchronized (lock) {
                    lock.notifyAll();
                }
            }
        } finally {
            stopped.set(true);
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    /** Partitions read ahead per core by {@link #forEachBatchInOrder}: enough to keep the helpers busy. */
    static final int AHEAD_PER_CORE = 2;

    private static Object awaitRead(AtomicReferenceArray<Object> read, int p, Object lock) {
        synchronized (lock) {
            Object result;
            while ((result = read.get(p)) == null) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new KustoException("query interrupted");
                }
            }
            return result;
        }
    }

    /** The batches of {@code partition}, or the failure reading it. */
    private static Object readAll(Partition partition) {
        try {
            List<Batch> batches = new ArrayList<>();
            readInto(partition, batches::add);
            return batches;
        } catch (RuntimeException | Error e) {
            return e;
        }
    }

    private static void readInto(Partition partition, Consumer<Batch> sink) {
        try (BatchStream s = partition.open()) {
            for (Batch b = s.next(); b != null; b = s.next()) {
                sink.accept(b);
            }
        }
    }
}
