package io.github.camelkusto.export.kql.syntax;

import java.util.HashMap;
import java.util.Map;

/**
 * How deeply the query being parsed nests: parentheses, calls, operands of chained operators, member and index
 * chains, pipes, and what a {@code let} name brings in where it is used. The parser, the binder and the
 * executor all recurse along that depth, so a query deeper than {@value #LIMIT} levels is refused with a clear
 * error instead of overflowing the thread's stack; {@value #LIMIT} levels fit with a wide margin in the 512 KB
 * stacks of small worker threads (Camel's and the JDK's pools use the platform default of 1 MB or less).
 */
final class QueryNesting {
    /** The deepest a query may nest; documented in the README. */
    static final int LIMIT = 200;

    private final SourceText source;
    private final Map<String, Integer> letDepths = new HashMap<>();
    private int depth;
    private int deepest;

    QueryNesting(SourceText source) {
        this.source = source;
    }

    /** {@code levels} deeper, for something that starts at {@code offset}; {@link #leave} undoes it. */
    void enter(int levels, int offset) {
        depth += levels;
        deepest = Math.max(deepest, depth);
        if (depth > LIMIT) {
            throw new KustoSyntaxException("the query nests too deeply (limit " + LIMIT + " levels of parentheses,"
                    + " calls, chained operators and pipes)", source, offset);
        }
    }

    void leave(int levels) {
        depth -= levels;
    }

    /** The depth at which the value of a {@code let} starts; pass it to {@link #endLet} when the value ends. */
    int startLet() {
        int outerDeepest = deepest;
        deepest = depth;
        return outerDeepest;
    }

    /** Remembers how deep the value of {@code name} nests, counted again wherever the name is used. */
    void endLet(String name, int outerDeepest) {
        letDepths.put(name, deepest - depth);
        deepest = Math.max(outerDeepest, deepest);
    }

    /** A use of {@code name}: a {@code let} value nests where it is used as deeply as where it was written. */
    void use(String name, int offset) {
        int levels = letDepths.getOrDefault(name, 0);
        enter(levels, offset);
        leave(levels);
    }
}
