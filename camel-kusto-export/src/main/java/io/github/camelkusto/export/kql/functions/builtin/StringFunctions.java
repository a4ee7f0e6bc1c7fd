package io.github.camelkusto.export.kql.functions.builtin;

import static io.github.camelkusto.export.kql.types.KqlType.BOOL;
import static io.github.camelkusto.export.kql.types.KqlType.LONG;
import static io.github.camelkusto.export.kql.types.KqlType.STRING;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.github.camelkusto.export.kql.data.LongVector;
import io.github.camelkusto.export.kql.data.ObjectVector;
import io.github.camelkusto.export.kql.data.Vector;
import io.github.camelkusto.export.kql.functions.Argument;
import io.github.camelkusto.export.kql.functions.BindException;
import io.github.camelkusto.export.kql.functions.EvalContext;
import io.github.camelkusto.export.kql.functions.FunctionLibrary;
import io.github.camelkusto.export.kql.functions.FunctionRegistry;
import io.github.camelkusto.export.kql.functions.Overloads;
import io.github.camelkusto.export.kql.functions.RowWise;
import io.github.camelkusto.export.kql.functions.ScalarBinding;
import io.github.camelkusto.export.kql.functions.ScalarFunction;
import io.github.camelkusto.export.kql.functions.ScalarKernel;
import io.github.camelkusto.export.kql.types.KqlType;
import io.github.camelkusto.export.kql.types.KqlValues;

/**
 * String operators ({@code has contains startswith endswith matches regex has_any has_all}, their {@code _cs}
 * and {@code !} forms) column-at-a-time, and string functions (strlen, tolower, toupper, strcat, substring).
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
                    registry.register(Overloads.of(name).add(BOOL, stringPredicate(op, !cs, negated), STRING, STRING));
                }
            }
        }
        registry.register(Overloads.of("matches regex").add(BOOL, matchesRegex(), STRING, STRING));
        registry.register(new TermsFunction("has_any", false));
        registry.register(new TermsFunction("has_all", true));
        registry.register(Overloads.of("strlen").add(LONG, RowWise.stringToLong(LONG, s -> s.codePointCount(0,
                s.length())), STRING));
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

    /** Kusto's substring: a start before 0 counts from 0, a length past the end stops at the end. */
    static String substring(String s, long start, long length) {
        long from = Math.max(0, start);
        if (from >= s.length() || length <= 0) {
            return "";
        }
        long to = Math.min(s.length(), from + Math.min(length, s.length()));
        return s.substring((int) from, (int) to);
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
            long[] out = new long[n];
            long yes = negated ? 0 : 1;
            for (int i = 0; i < n; i++) {
                out[i] = test(op, (String) x[i & xm], (String) y[i & ym], ignoreCase) ? yes : 1 - yes;
            }
            return new LongVector(BOOL, out, null, n);
        };
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
        int len = term.length();
        if (len == 0) {
            return true;
        }
        boolean termStartsAlnum = Character.isLetterOrDigit(term.charAt(0));
        boolean termEndsAlnum = Character.isLetterOrDigit(term.charAt(len - 1));
        int from = 0;
        while (true) {
            int at = indexOf(text, term, from, ignoreCase);
            if (at < 0) {
                return false;
            }
            boolean startOk = !atStart || !termStartsAlnum || at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            int end = at + len;
            boolean endOk = !atEnd || !termEndsAlnum || end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            from = at + 1;
        }
    }

    /** {@code String.indexOf}, optionally ignoring case, without allocating a lower-cased copy. */
    static int indexOf(String text, String term, int from, boolean ignoreCase) {
        if (!ignoreCase) {
            return text.indexOf(term, from);
        }
        int len = term.length();
        if (len == 0) {
            return from <= text.length() ? from : -1;
        }
        char first = term.charAt(0);
        char firstLower = Character.toLowerCase(first);
        char firstUpper = Character.toUpperCase(first);
        for (int i = from, last = text.length() - len; i <= last; i++) {
            char c = text.charAt(i);
            if ((c == firstLower || c == firstUpper || Character.toLowerCase(c) == firstLower)
                    && text.regionMatches(true, i + 1, term, 1, len - 1)) {
                return i;
            }
        }
        return -1;
    }

    private static ScalarKernel matchesRegex() {
        return new ScalarKernel() {
            private volatile Pattern last;

            @Override
            public Vector apply(Vector[] args, EvalContext ctx) {
                int n = ctx.rows();
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    String regex = (String) args[1].getObject(i);
                    Pattern p = last;
                    if (p == null || !p.pattern().equals(regex)) {
                        p = Pattern.compile(regex);
                        last = p;
                    }
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
         * values as {@link ConversionFunctions#toKustoString} renders them; a null is an empty text.
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
                        default -> sb.append(ConversionFunctions.toKustoString(v.box(i)));
                    }
                }
                out[i] = sb.toString();
            }
            return allConstant ? Vector.constant(STRING, out[0], ctx.rows()) : new ObjectVector(STRING, out, n);
        }
    }
}
