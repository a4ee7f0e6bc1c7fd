package io.github.camelkusto.kql.exec;

import java.util.ArrayList;
import java.util.List;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Partition;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.plan.BoundExpr;
import io.github.camelkusto.kql.plan.PlanNode;

/**
 * Turns a bound plan into partitions of batch streams. Nothing runs here: each partition does its work when it is
 * opened and read. Streaming steps (where, project/extend/..., take, union, range, table scans) keep one partition
 * per input partition and hold a batch at a time; summarize, sort/top (and distinct, count) materialise
 * into one partition; join materialises its right side only and streams its left side.
 */
final class PlanExecutor {
    private final Cancellation cancellation;
    private final Parallel parallel;
    /** The query's row-index arrays, shared by the streams of all its partitions. */
    private final ScratchArrays scratch = new ScratchArrays();

    /**
     * Runs plans whose every batch, from every operator, first asks {@code cancellation} whether to go on;
     * materialising operators read their partitions in parallel on {@code parallel}'s helpers.
     */
    PlanExecutor(Cancellation cancellation, Parallel parallel) {
        this.cancellation = cancellation;
        this.parallel = parallel;
    }

    /** The partitions of {@code node}: each batch an operator hands on is preceded by a cancellation check. */
    QueryResult run(PlanNode node) {
        return checked(plan(node));
    }

    private QueryResult checked(QueryResult result) {
        if (cancellation == Cancellation.NONE) {
            return result;
        }
        List<Partition> checked = new ArrayList<>(result.partitions().size());
        for (Partition p : result.partitions()) {
            checked.add(() -> new CheckedStream(p.open(), cancellation));
        }
        return new QueryResult(result.schema(), checked);
    }

    /**
     * {@link #run} for a reader that is done with each batch before it asks for the next and keeps none of its
     * vectors (it copies what it keeps): a project (extend) right under it reuses its output arrays.
     */
    private QueryResult runReadOnce(PlanNode node) {
        if (!(node instanceof PlanNode.Project project)) {
            return run(node);
        }
        return checked(project(project, true));
    }

    private QueryResult project(PlanNode.Project project, boolean readOnce) {
        return Streams.mapPartitions(ordered(run(project.input()), project.columns()), project.schema(),
                in -> readOnce ? ProjectStream.readOnce(in, project.columns(), project.schema(), scratch)
                        : new ProjectStream(in, project.columns(), project.schema()));
    }

    private QueryResult plan(PlanNode node) {
        if (node instanceof PlanNode.Scan scan) {
            List<Partition> partitions = new ArrayList<>();
            for (Batch extent : scan.table().extents()) {
                partitions.add(() -> BatchStream.of(List.of(extent)));
            }
            return new QueryResult(scan.schema(), partitions);
        }
        if (node instanceof PlanNode.Values values) {
            return new QueryResult(values.schema(), List.of(() -> BatchStream.of(values.batches())));
        }
        if (node instanceof PlanNode.SingleRow single) {
            Batch one = new Batch(single.schema(), new Vector[0], 1);
            return new QueryResult(single.schema(), List.of(() -> BatchStream.of(List.of(one))));
        }
        if (node instanceof PlanNode.Range range) {
            return RangeSource.of(range);
        }
        if (node instanceof PlanNode.Filter filter) {
            return Streams.mapPartitions(ordered(run(filter.input()), List.of(filter.predicate())), filter.schema(),
                    in -> new FilterStream(in, filter, scratch));
        }
        if (node instanceof PlanNode.Project project) {
            return project(project, false);
        }
        if (node instanceof PlanNode.Extract extract) {
            return Streams.mapPartitions(run(extract.input()), extract.schema(), in -> new ExtractStream(in, extract));
        }
        if (node instanceof PlanNode.Take take) {
            QueryResult input = run(take.input());
            return new QueryResult(take.schema(), List.of(() -> new TakeStream(Streams.concat(input.partitions()),
                    take.count())));
        }
        if (node instanceof PlanNode.Aggregate aggregate) {
            QueryResult input = run(aggregate.input());
            return new QueryResult(aggregate.schema(), List.of(() -> Streams.lazy(
                    () -> AggregateOperator.run(aggregate, input, parallel))));
        }
        if (node instanceof PlanNode.Sort sort) {
            QueryResult input = run(sort.input());
            boolean top = sort.limit() != null && sort.limit() <= TopN.MAX_LIMIT;
            return new QueryResult(sort.schema(), List.of(() -> Streams.lazy(
                    () -> top ? TopN.run(sort, input, storedExtents(sort.input()), parallel)
                            : SortOperator.run(sort, input))));
        }
        if (node instanceof PlanNode.Union union) {
            List<Partition> partitions = new ArrayList<>();
            for (PlanNode input : union.inputs()) {
                partitions.addAll(run(input).partitions());
            }
            return new QueryResult(union.schema(), partitions);
        }
        if (node instanceof PlanNode.MvExpand mvExpand) {
            return Streams.mapPartitions(run(mvExpand.input()), mvExpand.schema(),
                    in -> new MvExpandStream(in, mvExpand));
        }
        if (node instanceof PlanNode.MvApply mvApply) {
            return Streams.mapPartitions(run(mvApply.input()), mvApply.schema(), in -> new MvApplyStream(in, mvApply, this));
        }
        if (node instanceof PlanNode.ApplyRows rows) {
            return MvApplyStream.rows(rows);
        }
        if (node instanceof PlanNode.Join join) {
            return JoinOperator.run(join, runReadOnce(join.left()), runReadOnce(join.right()), scratch);
        }
        if (node instanceof PlanNode.MakeSeries makeSeries) {
            QueryResult input = run(makeSeries.input());
            return new QueryResult(makeSeries.schema(), List.of(() -> Streams.lazy(
                    () -> SeriesOperators.makeSeries(makeSeries, input))));
        }
        if (node instanceof PlanNode.TopNested topNested) {
            List<QueryResult> levels = topNested.levels().stream().map(this::run).toList();
            return new QueryResult(topNested.schema(), List.of(() -> Streams.lazy(
                    () -> SeriesOperators.topNested(topNested, levels))));
        }
        if (node instanceof PlanNode.ScanSteps scan) {
            QueryResult input = run(scan.input());
            return new QueryResult(scan.schema(), List.of(() -> Streams.lazy(() -> ScanOperator.run(scan, input))));
        }
        PlanNode.Serialize serialize = (PlanNode.Serialize) node;
        QueryResult input = run(serialize.input());
        return new QueryResult(serialize.schema(), List.of(() -> Streams.concat(input.partitions())));
    }

    /** The extents a plain scan's partitions hand on as stored, one each and in order; null for other nodes. */
    private static List<Batch> storedExtents(PlanNode node) {
        return node instanceof PlanNode.Scan scan ? scan.table().extents() : null;
    }

    /**
     * {@code input} as one partition read in order when {@code expressions} use serial functions (prev,
     * row_cumsum...): a serialized input may still come in several partitions (range's, one per core).
     */
    private static QueryResult ordered(QueryResult input, List<BoundExpr> expressions) {
        if (input.partitions().size() <= 1 || !SerialWindows.usesSerialFunctions(expressions)) {
            return input;
        }
        return new QueryResult(input.schema(), List.of(() -> Streams.concat(input.partitions())));
    }

    /** A partition's stream that checks for cancellation before each batch. */
    private static final class CheckedStream implements BatchStream {
        private final BatchStream input;
        private final Cancellation cancellation;

        CheckedStream(BatchStream input, Cancellation cancellation) {
            this.input = input;
            this.cancellation = cancellation;
        }

        @Override
        public Batch next() {
            cancellation.check("running the query");
            return input.next();
        }

        @Override
        public void close() {
            input.close();
        }
    }

    /** take: reads the partitions one after another and stops reading as soon as it has its rows. */
    private static final class TakeStream implements BatchStream {
        private final BatchStream input;
        private long remaining;

        TakeStream(BatchStream input, long count) {
            this.input = input;
            this.remaining = count;
        }

        @Override
        public Batch next() {
            if (remaining <= 0) {
                input.close();
                return null;
            }
            Batch b = input.next();
            if (b == null) {
                return null;
            }
            Batch cut = b.head((int) Math.min(remaining, b.rowCount()));
            remaining -= cut.rowCount();
            return cut;
        }

        @Override
        public void close() {
            input.close();
        }
    }
}
