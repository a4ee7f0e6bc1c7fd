package io.github.camelkusto.kql.syntax.ast;

import java.util.List;
import java.util.function.UnaryOperator;

import io.github.camelkusto.kql.types.KqlType;

/** A scalar KQL expression, as written (names unresolved, types unknown). Every node knows its offset. */
public sealed interface Expr {

    /** Offset in the query text where this expression starts, for error messages. */
    int offset();

    /**
     * This node with each direct scalar child replaced by {@code f(child)}, in the order they are written; a leaf
     * (and {@code toscalar}, whose child is a tabular query) returns itself. The one place that knows each node's
     * children: a rewrite handles the nodes it cares about and calls this for the rest. Abstract, so a new node
     * type cannot be added without saying what its children are.
     */
    Expr mapChildren(UnaryOperator<Expr> f);

    /** A literal of a known type; {@code value} is a contract value (Long, Instant, JsonNode...) or null. */
    record Literal(KqlType type, Object value, int offset) implements Expr {
        @Override
        public Expr mapChildren(UnaryOperator<Expr> f) {
            return this;
        }
    }

    /** A name: a column, or a scalar {@code let}. {@code ['a b']} is a name too. */
    record NameRef(String name, int offset) implements Expr {
        @Override
        public Expr mapChildren(UnaryOperator<Expr> f) {
            return this;
        }
    }

    /** {@code $left.name} / {@code $right.name} in join conditions. */
    record SideRef(boolean left, String name, int offset) implements Expr {
        @Override
        public Expr mapChildren(UnaryOperator<Expr> f) {
            return this;
        }
    }

    /** {@code *} as an argument ({@code arg_max(x, *)}, {@code count(*)}). */
    record Star(int offset) implements Expr {
        @Override
        public Expr mapChildren(UnaryOperator<Expr> f) {
            return this;
        }
    }

    /** {@code (a, b, c) = value}: the names of the columns of a function that gives several (series_decompose). */
    record TupleNames(List<String> names, Expr value, int offset) implements Expr {
        public TupleNames {
            names = List.copyOf(names);
        }

        @Override
        public Expr mapChildren(UnaryOperator<Expr> f) {
            return new TupleNames(names, f.apply(value), offset);
        }
    }

    /** {@code name = value} as an argument of a plugin or a user-defined function. */
    record NamedArgument(String name, Expr value, int offset) implements Expr {
        @Override
        public Expr mapChildren(UnaryOperator<Expr> f) {
            return new NamedArgument(name, f.apply(value), offset);
        }
    }

    /** {@code name(args)}; {@code name} is as written (Kusto function names are case-sensitive, lower case). */
    record Call(String name, List<Expr> args, int offset) implements Expr {
        public Call {
            args = List.copyOf(args);
        }

        @Override
        public Expr mapChildren(UnaryOperator<Expr> f) {
            return new Call(name, args.stream().map(f).toList(), offset);
        }
    }

    /**
     * {@code left op right}: arithmetic ({@code + - * / %}), comparison ({@code == != < <= > >= =~ !~}),
     * logic ({@code and or}) and string operators ({@code has !has contains_cs startswith matches regex ...}).
     * {@code op} is the operator in lower case; {@code offset} is where the operator is.
     */
    record Binary(String op, Expr left, Expr right, int offset) implements Expr {
        @Override
        public Expr mapChildren(UnaryOperator<Expr> f) {
            return new Binary(op, f.apply(left), f.apply(right), offset);
        }

        /**
         * {@code operands[0] op operands[1] op ...} for an associative {@code op} ({@code and}, {@code or}) as a
         * balanced tree: log2(n) deep rather than n, so a long chain does not deepen the stack of whatever walks
         * it. {@code offsets[i]} is where the operator between operand i and i + 1 is.
         */
        public static Expr associative(String op, List<Expr> operands, List<Integer> offsets) {
            return balanced(op, operands, offsets, 0, operands.size());
        }

        private static Expr balanced(String op, List<Expr> operands, List<Integer> offsets, int from, int to) {
            if (to - from == 1) {
                return operands.get(from);
            }
            int middle = (from + to) >>> 1;
            return new Binary(op, balanced(op, operands, offsets, from, middle),
                    balanced(op, operands, offsets, middle, to), offsets.get(middle - 1));
        }
    }

    /** {@code -x} / {@code +x}. */
    record Unary(String op, Expr operand, int offset) implements Expr {
        @Override
        public Expr mapChildren(UnaryOperator<Expr> f) {
            return new Unary(op, f.apply(operand), offset);
        }
    }

    /** {@code x in (a, b)}, {@code !in}, {@code in~}, {@code !in~}, {@code has_any}, {@code has_all}. */
    record ListOp(String op, Expr left, List<Expr> items, int offset) implements Expr {
        public ListOp {
            items = List.copyOf(items);
        }

        @Override
        public Expr mapChildren(UnaryOperator<Expr> f) {
            return new ListOp(op, f.apply(left), items.stream().map(f).toList(), offset);
        }
    }

    /** {@code x between (low .. high)} / {@code !between}. */
    record Between(boolean negated, Expr value, Expr low, Expr high, int offset) implements Expr {
        @Override
        public Expr mapChildren(UnaryOperator<Expr> f) {
            return new Between(negated, f.apply(value), f.apply(low), f.apply(high), offset);
        }
    }

    /** {@code target.name}: a member of a dynamic bag. */
    record Member(Expr target, String name, int offset) implements Expr {
        @Override
        public Expr mapChildren(UnaryOperator<Expr> f) {
            return new Member(f.apply(target), name, offset);
        }
    }

    /** {@code toscalar(tabular expression)}: the first column of the first row of the query (null when empty). */
    record ToScalar(TabularExpression query, int offset) implements Expr {
        @Override
        public Expr mapChildren(UnaryOperator<Expr> f) {
            return this;
        }
    }

    /** {@code target[index]}: an element of a dynamic array or bag. */
    record Index(Expr target, Expr index, int offset) implements Expr {
        @Override
        public Expr mapChildren(UnaryOperator<Expr> f) {
            return new Index(f.apply(target), f.apply(index), offset);
        }
    }
}
