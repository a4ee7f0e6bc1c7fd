package io.github.camelkusto.kql.syntax;

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

    /** Starts measuring how deep what follows nests; pass the mark to {@link #levelsSince}. */
    int mark() {
        int outerDeepest = deepest;
        deepest = depth;
        return outerDeepest;
    }

    /** How many levels below the current depth what was parsed since {@code mark} reached. */
    int levelsSince(int mark) {
        int levels = deepest - depth;
        deepest = Math.max(mark, deepest);
        return levels;
    }

    /** Checks that something {@code levels} deep fits here: what a chain nests its first operand under. */
    void reach(int levels, int offset) {
        enter(levels, offset);
        leave(levels);
    }

    /** Remembers how deep the value of the {@code let} named {@code name} nests. */
    void let(String name, int levels) {
        letDepths.put(name, levels);
    }

    /** A use of {@code name}: a {@code let} value nests where it is used as deeply as where it was written. */
    void use(String name, int offset) {
        reach(letDepths.getOrDefault(name, 0), offset);
    }
}
