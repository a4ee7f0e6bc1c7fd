package io.github.camelkusto.kql.functions.builtin;

import static io.github.camelkusto.kql.types.KqlType.BOOL;
import static io.github.camelkusto.kql.types.KqlType.DYNAMIC;
import static io.github.camelkusto.kql.types.KqlType.LONG;
import static io.github.camelkusto.kql.types.KqlType.STRING;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.camelkusto.kql.data.LongVector;
import io.github.camelkusto.kql.data.ObjectVector;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.functions.Argument;
import io.github.camelkusto.kql.functions.BindException;
import io.github.camelkusto.kql.functions.EvalContext;
import io.github.camelkusto.kql.functions.FunctionLibrary;
import io.github.camelkusto.kql.functions.FunctionRegistry;
import io.github.camelkusto.kql.functions.Overloads;
import io.github.camelkusto.kql.functions.RowWise;
import io.github.camelkusto.kql.functions.ScalarBinding;
import io.github.camelkusto.kql.functions.ScalarFunction;
import io.github.camelkusto.kql.functions.ScalarKernel;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;

/**
 * String operators ({@code has contains startswith endswith matches regex has_any has_all}, their {@code _cs}
 * and {@code !} forms) column-at-a-time, and string functions (strlen, string_size, tolower, toupper, strcat,
 * strcat_delim, substring, indexof, split, replace_string, reverse, strcmp, strrep); the regex-based ones are in
 * {@link RegexFunctions}.
 * Without {@code _cs} Kusto compares case-insensitively. {@code has} looks for whole terms: a match must not
 * continue a run of letters or digits on either side.
 */
public final class StringFunctions implements FunctionLibrary {
    static final int HAS = 0;
    static final int CONTAINS = 1;
    static final int STARTSWITH = 2;
    static final int ENDSWITH = 3;
    static final int HASPREFIX = 4;
    static final int HASSUFFIX = 5;

    @Override
    public void registerInto(FunctionRegistry registry) {
        String[] names = {"has", "contains", "startswith", "endswith", "hasprefix", "hassuffix"};
        for (int op = HAS; op <= HASSUFFIX; op++) {
            for (boolean cs : new boolean[] {false, true}) {
                for (boolean negated : new boolean[] {false, true}) {
                    String name = (negated ? "!" : "") + names[op] + (cs ? "_cs" : "");
                    registry.registerOperator(Overloads.of(name).add(BOOL, stringPredicate(op, !cs, negated), STRING,
                            STRING));
                }
            }
        }
        registry.register(new RegexFunctions.RegexChecked("matches regex", 1, Overloads.of("matches regex")
                .add(BOOL, matchesRegex(), STRING, STRING)));
        registry.register(new TermsFunction("has_any", false));
        registry.register(new TermsFunction("has_all", true));
        registry.register(Overloads.of("strlen").add(LONG, RowWise.stringToLong(LONG, s -> s.codePointCount(0,
                s.length())), STRING));
        registry.register(Overloads.of("string_size").add(LONG, RowWise.stringToLong(LONG, StringFunctions::utf8Size),
                STRING));
        Overloads reverse = Overloads.of("reverse").add(STRING, RowWise.stringToString(
                s -> new StringBuilder(s).reverse().toString()), STRING);
        // a value that is no string is reversed as its text, as the reverse() page shows
        for (KqlType type : textualised()) {
            reverse.add(STRING, RowWise.of(STRING, v -> new StringBuilder(KqlValues.toKustoString(v)).reverse()
                    .toString()), type);
        }
        registry.register(reverse);
        registry.register(Overloads.of("strcmp").add(LONG, RowWise.of(LONG, (a, b) -> (long) Integer.signum(
                ((String) a).compareTo((String) b))), STRING, STRING));
        registry.register(Overloads.of("replace_string").add(STRING, RowWise.of(STRING, (text, lookup, rewrite) ->
                ((String) lookup).isEmpty() ? text : ((String) text).replace((String) lookup, (String) rewrite)),
                STRING, STRING, STRING));
        Overloads indexof = Overloads.of("indexof")
                .add(LONG, RowWise.of(LONG, (s, lookup) -> indexOf((String) s, (String) lookup, 0, -1, 1)), STRING,
                        STRING)
                .add(LONG, RowWise.of(LONG, (s, lookup, start) -> indexOf((String) s, (String) lookup,
                        ((Number) start).longValue(), -1, 1)), STRING, STRING, LONG)
                .add(LONG, RowWise.nary(LONG, a -> indexOf((String) a[0], (String) a[1], ((Number) a[2]).longValue(),
                        ((Number) a[3]).longValue(), 1)), STRING, STRING, LONG, LONG)
                .add(LONG, RowWise.nary(LONG, a -> indexOf((String) a[0], (String) a[1], ((Number) a[2]).longValue(),
                        ((Number) a[3]).longValue(), ((Number) a[4]).longValue())), STRING, STRING, LONG, LONG, LONG);
        // a source and lookup that are no strings are searched as their text (the indexof() page)
        for (KqlType type : textualised()) {
            indexof.add(LONG, RowWise.of(LONG, (s, lookup) -> indexOf(KqlValues.toKustoString(s),
                    KqlValues.toKustoString(lookup), 0, -1, 1)), type, type);
            indexof.add(LONG, RowWise.of(LONG, (s, lookup, start) -> indexOf(KqlValues.toKustoString(s),
                    KqlValues.toKustoString(lookup), ((Number) start).longValue(), -1, 1)), type, type, LONG);
            indexof.add(LONG, RowWise.nary(LONG, a -> indexOf(KqlValues.toKustoString(a[0]),
                    KqlValues.toKustoString(a[1]), ((Number) a[2]).longValue(), ((Number) a[3]).longValue(), 1)),
                    type, type, LONG, LONG);
        }
        registry.register(indexof);
        registry.register(Overloads.of("split")
                .add(DYNAMIC, RowWise.of(DYNAMIC, (s, delimiter) -> split((String) s, (String) delimiter)), STRING,
                        STRING)
                .add(DYNAMIC, RowWise.of(DYNAMIC, (s, delimiter, index) -> splitAt((String) s, (String) delimiter,
                        ((Number) index).longValue())), STRING, STRING, LONG));
        Overloads strrep = Overloads.of("strrep");
        // the value and the delimiter may be of any type: they repeat as their text (the strrep() page)
        for (KqlType type : KqlType.values()) {
            strrep.add(STRING, RowWise.of(STRING, (s, times) -> repeat(KqlValues.toKustoString(s),
                    ((Number) times).longValue(), "")), type, LONG);
            strrep.add(STRING, RowWise.of(STRING, (s, times, delimiter) -> repeat(KqlValues.toKustoString(s),
                    ((Number) times).longValue(), KqlValues.toKustoString(delimiter))), type, LONG, STRING);
            if (type != STRING) {
                strrep.add(STRING, RowWise.of(STRING, (s, times, delimiter) -> repeat(KqlValues.toKustoString(s),
                        ((Number) times).longValue(), KqlValues.toKustoString(delimiter))), type, LONG, type);
            }
        }
        registry.register(strrep);
        registry.register(new StrcatDelimFunction());
        registry.register(Overloads.of("tolower").add(STRING, RowWise.stringToString(s -> s.toLowerCase(Locale.ROOT)),
                STRING));
        registry.register(Overloads.of("toupper").add(STRING, RowWise.stringToString(s -> s.toUpperCase(Locale.ROOT)),
                STRING));
        registry.register(new StrcatFunction());
        registry.register(Overloads.of("substring")
                .add(STRING, RowWise.of(STRING, (s, start) -> substring((String) s, ((Number) start).longValue(),
                        Long.MAX_VALUE)), STRING, LONG)
                .add(STRING, RowWise.of(STRING, (s, start, len) -> substring((String) s, ((Number) start).longValue(),
                        ((Number) len).longValue())), STRING, LONG, LONG));
    }

    /**
     * Kusto's substring over characters (code points, as strlen counts them): a negative start counts from the
     * end, a start outside the text gives "", a length past the end stops at the end.
     */
    static String substring(String s, long start, long length) {
        int chars = s.codePointCount(0, s.length());
        long from = start < 0 ? chars + start : start;
        if (from < 0 || from >= chars || length <= 0) {
            return "";
        }
        long to = from + Math.min(chars - from, length);
        return s.substring(s.offsetByCodePoints(0, (int) from), s.offsetByCodePoints(0, (int) to));
    }

    /** Bytes of the text in UTF-8, as Kusto's string_size counts them. */
    static long utf8Size(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * indexof(s, lookup, start, length, occurrence): the character position of the occurrence-th match of
     * lookup at or after start (a negative start counts from the end) within length characters (-1: to the
     * end); -1 when there is none, null for a start past the end or a non-positive occurrence.
     */
    static Long indexOf(String s, String lookup, long start, long length, long occurrence) {
        int chars = s.codePointCount(0, s.length());
        long from = start < 0 ? Math.max(0, chars + start) : start;
        if (from > chars || occurrence <= 0 || length < -1) {
            return null;
        }
        int end = length == -1 ? s.length() : s.offsetByCodePoints(0, (int) Math.min(chars, from + length));
        int at = s.offsetByCodePoints(0, (int) from);
        for (long seen = 0; ; at++) {
            at = s.indexOf(lookup, at);
            if (at < 0 || at + lookup.length() > end) {
                return -1L;
            }
            if (++seen == occurrence) {
                return (long) s.codePointCount(0, at);
            }
        }
    }

    /** split(s, delimiter): the parts as a dynamic array of strings ({@code [""]} for an empty text). */
    static JsonNode split(String s, String delimiter) {
        ArrayNode parts = KqlValues.NODES.arrayNode();
        if (delimiter.isEmpty()) {
            parts.add(s);
            return parts;
        }
        int from = 0;
        for (int at = s.indexOf(delimiter); at >= 0; at = s.indexOf(delimiter, from)) {
            parts.add(s.substring(from, at));
            from = at + delimiter.length();
        }
        parts.add(s.substring(from));
        return parts;
    }

    /** split(s, delimiter, i): an array holding the i-th part, or null when there is no such part. */
    static JsonNode splitAt(String s, String delimiter, long index) {
        JsonNode parts = split(s, delimiter);
        if (index < 0 || index >= parts.size()) {
            return null;
        }
        return KqlValues.NODES.arrayNode().add(parts.get((int) index));
    }

    /** strrep: the text repeated (at most 1024 times, as Kusto caps it), joined by the delimiter. */
    /** The scalar types other than string and dynamic: a text function takes them as their text. */
    private static List<KqlType> textualised() {
        return java.util.Arrays.stream(KqlType.values()).filter(t -> t != STRING && t != DYNAMIC).toList();
    }

    static String repeat(String s, long times, String delimiter) {
        if (times <= 0) {
            return "";
        }
        long n = Math.min(times, 1024);
        StringBuilder sb = new StringBuilder();
        for (long i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(delimiter);
            }
            sb.append(s);
        }
        return sb.toString();
    }

    static ScalarKernel stringPredicate(int op, boolean ignoreCase, boolean negated) {
        return (args, ctx) -> {
            int n = ctx.rows();
            ObjectVector a = (ObjectVector) args[0];
            ObjectVector b = (ObjectVector) args[1];
            Object[] x = a.values();
            Object[] y = b.values();
            int xm = a.mask();
            int ym = b.mask();
            long[] out = ctx.outputLongs(n);
            long yes = negated ? 0 : 1;
            if (ym == 0 && op == HAS) {
                // the usual case, a constant term: prepared once for the batch
                hasTerm(new Needle((String) y[0], ignoreCase), x, xm, out, yes);
            } else if (ym == 0 && op == CONTAINS) {
                containsTerm(new Needle((String) y[0], ignoreCase), x, xm, out, yes);
            } else {
                for (int i = 0; i < n; i++) {
                    out[i] = test(op, (String) x[i & xm], (String) y[i & ym], ignoreCase) ? yes : 1 - yes;
                }
            }
            return new LongVector(BOOL, out, null, n);
        };
    }

    /*
     * One loop per operator, each in a method of its own: the JIT profiles and compiles each apart, so that a
     * query with has does not deoptimise the loop a query with contains made hot (and the other way round).
     */
    private static void hasTerm(Needle term, Object[] texts, int mask, long[] out, long yes) {
        for (int i = 0; i < out.length; i++) {
            out[i] = term.isTermIn((String) texts[i & mask], true, true) ? yes : 1 - yes;
        }
    }

    private static void containsTerm(Needle term, Object[] texts, int mask, long[] out, long yes) {
        for (int i = 0; i < out.length; i++) {
            out[i] = term.indexIn((String) texts[i & mask], 0) >= 0 ? yes : 1 - yes;
        }
    }

    static boolean test(int op, String text, String term, boolean ignoreCase) {
        return switch (op) {
            case HAS -> has(text, term, ignoreCase, true, true);
            case HASPREFIX -> has(text, term, ignoreCase, true, false);
            case HASSUFFIX -> has(text, term, ignoreCase, false, true);
            case CONTAINS -> indexOf(text, term, 0, ignoreCase) >= 0;
            case STARTSWITH -> text.regionMatches(ignoreCase, 0, term, 0, term.length());
            default -> text.length() >= term.length()
                    && text.regionMatches(ignoreCase, text.length() - term.length(), term, 0, term.length());
        };
    }

    /** {@code term} in {@code text} at term boundaries (both, or only the start/end one for hasprefix/hassuffix). */
    static boolean has(String text, String term, boolean ignoreCase, boolean atStart, boolean atEnd) {
        return Needle.has(text, term, ignoreCase, atStart, atEnd);
    }

    /** {@code String.indexOf}, optionally ignoring case, without allocating a lower-cased copy. */
    static int indexOf(String text, String term, int from, boolean ignoreCase) {
        return Needle.indexOf(text, term, from, ignoreCase);
    }

    private static ScalarKernel matchesRegex() {
        return new ScalarKernel() {
            @Override
            public Vector apply(Vector[] args, EvalContext ctx) {
                int n = ctx.rows();
                long[] out = new long[n];
                Pattern constant = args[1].isConstant() ? RegexFunctions.pattern((String) args[1].getObject(0)) : null;
                for (int i = 0; i < n; i++) {
                    Pattern p = constant != null ? constant : RegexFunctions.pattern((String) args[1].getObject(i));
                    out[i] = p.matcher((String) args[0].getObject(i)).find() ? 1 : 0;
                }
                return new LongVector(BOOL, out, null, n);
            }
        };
    }

    /** {@code has_any(list)} / {@code has_all(list)}: the binder passes the text first, then the terms. */
    private record TermsFunction(String name, boolean all) implements ScalarFunction {
        @Override
        public ScalarBinding bind(List<Argument> args) {
            if (args.size() < 2) {
                throw new BindException(name + " expects a list of terms");
            }
            for (Argument a : args) {
                if (a.type() != STRING && a.type() != KqlType.DYNAMIC) {
                    throw new BindException(name + " works on strings, not " + a.type());
                }
            }
            return new ScalarBinding(BOOL, (vectors, ctx) -> {
                int n = ctx.rows();
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    String text = KqlValues.render(vectors[0].box(i));
                    boolean result = all;
                    for (int t = 1; t < vectors.length; t++) {
                        for (String term : terms(vectors[t].box(i))) {
                            boolean found = has(text, term, true, true, true);
                            if (found != all) {
                                result = !all;
                            }
                        }
                    }
                    out[i] = result ? 1 : 0;
                }
                return new LongVector(BOOL, out, null, n);
            });
        }

        private static List<String> terms(Object value) {
            if (value instanceof com.fasterxml.jackson.databind.JsonNode json && json.isArray()) {
                List<String> terms = new java.util.ArrayList<>();
                json.forEach(e -> terms.add(e.isTextual() ? e.asText() : e.toString()));
                return terms;
            }
            return value == null ? List.of() : List.of(KqlValues.render(value));
        }
    }

    /** {@code strcat_delim(delimiter, a, b, ...)}: 2 to 64 values of any type, as tostring renders them. */
    private static final class StrcatDelimFunction implements ScalarFunction {
        @Override
        public String name() {
            return "strcat_delim";
        }

        @Override
        public ScalarBinding bind(List<Argument> args) {
            if (args.size() < 3 || args.size() > 65) {
                throw new BindException("strcat_delim expects a delimiter and 2 to 64 values, not " + (args.size() - 1)
                        + " values");
            }
            if (args.get(0).type() != STRING) {
                throw new BindException("strcat_delim expects a string delimiter, not " + args.get(0).type().kustoName());
            }
            return new ScalarBinding(STRING, RowWise.nullAware(STRING, values -> {
                StringBuilder sb = new StringBuilder();
                String delimiter = KqlValues.toKustoString(values[0]);
                for (int i = 1; i < values.length; i++) {
                    sb.append(i > 1 ? delimiter : "").append(KqlValues.toKustoString(values[i]));
                }
                return sb.toString();
            }));
        }
    }

    /** {@code strcat(a, b, ...)}: 1 to 64 arguments of any type, each as tostring renders it. */
    private static final class StrcatFunction implements ScalarFunction {
        @Override
        public String name() {
            return "strcat";
        }

        @Override
        public ScalarBinding bind(List<Argument> args) {
            if (args.isEmpty() || args.size() > 64) {
                throw new BindException("strcat expects 1 to 64 arguments, not " + args.size());
            }
            return new ScalarBinding(STRING, StrcatFunction::concatenate);
        }

        /**
         * Column-at-a-time (a hot path of generated data: exports of {@code range | extend ...} are dominated by
         * it otherwise): one builder per batch, strings and long-stored integers appended without boxing, other
         * values as {@link KqlValues#toKustoString} renders them; a null is an empty text.
         */
        private static Vector concatenate(Vector[] args, EvalContext ctx) {
            boolean allConstant = true;
            for (Vector v : args) {
                allConstant &= v.isConstant();
            }
            int n = allConstant ? 1 : ctx.rows();
            Object[] out = new Object[n];
            StringBuilder sb = new StringBuilder(32);
            for (int i = 0; i < n; i++) {
                sb.setLength(0);
                for (Vector v : args) {
                    if (v.isNull(i)) {
                        continue;
                    }
                    switch (v.type()) {
                        case STRING -> sb.append((String) v.getObject(i));
                        case INT, LONG -> sb.append(v.getLong(i));
                        default -> sb.append(KqlValues.toKustoString(v.box(i)));
                    }
                }
                out[i] = sb.toString();
            }
            return allConstant ? Vector.constant(STRING, out[0], ctx.rows()) : new ObjectVector(STRING, out, n);
        }
    }
}
