package io.github.camelkusto.kql.functions.builtin;

import static io.github.camelkusto.kql.types.KqlType.BOOL;
import static io.github.camelkusto.kql.types.KqlType.DYNAMIC;
import static io.github.camelkusto.kql.types.KqlType.LONG;
import static io.github.camelkusto.kql.types.KqlType.REAL;
import static io.github.camelkusto.kql.types.KqlType.STRING;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.camelkusto.kql.functions.Argument;
import io.github.camelkusto.kql.functions.BindException;
import io.github.camelkusto.kql.functions.FunctionLibrary;
import io.github.camelkusto.kql.functions.FunctionRegistry;
import io.github.camelkusto.kql.functions.RowWise;
import io.github.camelkusto.kql.functions.ScalarBinding;
import io.github.camelkusto.kql.functions.ScalarFunction;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;

/**
 * Functions of dynamic arrays and sets: array_length, array_concat, array_slice, array_reverse,
 * array_sort_asc/desc, array_index_of, array_sum, array_split, array_rotate_left/right, array_shift_left/right,
 * zip, pack_array, strcat_array, set_has_element, set_union, set_intersect, set_difference. As in Kusto, a
 * function of an array gives null when its argument is not an array (array_concat skips such arguments); elements
 * compare by value (1 and 1.0 are equal, 1 and "1" are not).
 */
public final class ArrayFunctions implements FunctionLibrary {

    @Override
    public void registerInto(FunctionRegistry registry) {
        registry.register(new DynamicFunction("array_length", LONG, 1, 1, a -> array(a[0]) == null ? null
                : (long) array(a[0]).size()));
        registry.register(new DynamicFunction("array_concat", DYNAMIC, 1, 64, ArrayFunctions::concat));
        registry.register(new DynamicFunction("array_slice", DYNAMIC, 3, 3, a -> slice(array(a[0]), a[1], a[2])));
        registry.register(new DynamicFunction("array_reverse", DYNAMIC, 1, 1, a -> reverse(array(a[0]))));
        registry.register(new DynamicFunction("array_sort_asc", DYNAMIC, 1, 64, a -> sortAll(true, a)));
        registry.register(new DynamicFunction("array_sort_desc", DYNAMIC, 1, 64, a -> sortAll(false, a)));
        registry.register(new DynamicFunction("array_index_of", LONG, 2, 5, ArrayFunctions::indexOf));
        registry.register(new DynamicFunction("array_sum", REAL, 1, 1, a -> sum(array(a[0]))));
        registry.register(new DynamicFunction("array_split", DYNAMIC, 2, 2, a -> split(array(a[0]), a[1])));
        registry.register(new DynamicFunction("array_rotate_left", DYNAMIC, 2, 2, a -> rotate(array(a[0]), a[1],
                -1)));
        registry.register(new DynamicFunction("array_rotate_right", DYNAMIC, 2, 2, a -> rotate(array(a[0]), a[1],
                1)));
        registry.register(new DynamicFunction("array_shift_left", DYNAMIC, 2, 3, a -> shift(array(a[0]), a, -1)));
        registry.register(new DynamicFunction("array_shift_right", DYNAMIC, 2, 3, a -> shift(array(a[0]), a, 1)));
        registry.register(new DynamicFunction("zip", DYNAMIC, 2, 64, ArrayFunctions::zip));
        registry.register(new DynamicFunction("pack_array", DYNAMIC, 1, 1024, ArrayFunctions::packArray));
        registry.register(new DynamicFunction("strcat_array", STRING, 2, 2, ArrayFunctions::strcatArray));
        registry.register(new DynamicFunction("set_has_element", BOOL, 2, 2, a -> array(a[0]) == null ? null
                : indexOf(array(a[0]), json(a[1])) >= 0));
        registry.register(new DynamicFunction("set_union", DYNAMIC, 2, 64, a -> set(a, 0)));
        registry.register(new DynamicFunction("set_intersect", DYNAMIC, 2, 64, a -> set(a, 1)));
        registry.register(new DynamicFunction("set_difference", DYNAMIC, 2, 64, a -> set(a, 2)));
    }

    /**
     * A function over contract values of any type, with {@code min..max} arguments; its kernel sees nulls too
     * (what a null or non-dynamic argument means is each function's own rule).
     */
    record DynamicFunction(String name, KqlType result, int min, int max, RowWise.Fn fn, boolean pairs)
            implements ScalarFunction {
        DynamicFunction(String name, KqlType result, int min, int max, RowWise.Fn fn) {
            this(name, result, min, max, fn, false);
        }

        /** The same function taking its arguments as pairs (key, value, ...). */
        DynamicFunction inPairs() {
            return new DynamicFunction(name, result, min, max, fn, true);
        }

        @Override
        public ScalarBinding bind(List<Argument> args) {
            if (pairs && args.size() % 2 != 0) {
                throw new BindException(name + " expects pairs of key and value, but got " + args.size()
                        + " arguments");
            }
            if (args.size() < min || args.size() > max) {
                throw new BindException(name + " expects " + (min == max ? String.valueOf(min)
                        : max >= 64 ? "at least " + min : min + " to " + max) + " arguments, not " + args.size());
            }
            return new ScalarBinding(result, RowWise.nullAware(result, fn));
        }
    }

    /** {@code value} as a JSON array, or null when it is not one. */
    static ArrayNode array(Object value) {
        return value instanceof ArrayNode a ? a : null;
    }

    /** Any contract value as a dynamic value (null stays null). */
    static JsonNode json(Object value) {
        return value == null ? null : KqlValues.toJson(value);
    }

    /** The identity of an element for equality and sets: numbers by value, anything else by its JSON text. */
    static String key(JsonNode e) {
        if (e == null || e.isNull()) {
            return "null";
        }
        if (e.isNumber()) {
            double d = e.asDouble();
            return d == Math.rint(d) && !Double.isInfinite(d) ? "n" + (long) d : "n" + d;
        }
        return e.toString();
    }

    private static Object concat(Object[] a) {
        ArrayNode out = KqlValues.NODES.arrayNode();
        for (Object v : a) {
            if (array(v) != null) {
                out.addAll(array(v));
            }
        }
        return out;
    }

    private static Long integer(Object v) {
        return v instanceof Number n ? n.longValue() : null;
    }

    private static Object slice(ArrayNode array, Object from, Object to) {
        if (array == null || integer(from) == null) {
            return null;
        }
        int n = array.size();
        long start = integer(from) < 0 ? n + integer(from) : integer(from);
        long end = integer(to) == null ? n - 1 : integer(to) < 0 ? n + integer(to) : integer(to);
        start = Math.max(0, start);
        end = Math.min(n - 1, end);
        ArrayNode out = KqlValues.NODES.arrayNode();
        for (long i = start; i <= end; i++) {
            out.add(array.get((int) i));
        }
        return out;
    }

    private static Object reverse(ArrayNode array) {
        if (array == null) {
            return null;
        }
        ArrayNode out = KqlValues.NODES.arrayNode();
        for (int i = array.size() - 1; i >= 0; i--) {
            out.add(array.get(i));
        }
        return out;
    }

    /** Numbers before strings before the rest, nulls last unless {@code nulls_last} is false. */
    /**
     * array_sort_asc/desc(array1 [, array2, ...] [, nulls_last]): array1 sorted; with several arrays, an array of
     * them, each reordered as array1 is (null for one whose length differs from array1's), as the page documents.
     * project, extend and print show the several arrays as columns ({@code TupleFunctions}).
     */
    private static Object sortAll(boolean ascending, Object[] a) {
        int arrays = a.length > 1 && (a[a.length - 1] instanceof Boolean || a[a.length - 1] == null) ? a.length - 1
                : a.length;
        boolean nullsLast = arrays == a.length || !(a[a.length - 1] instanceof Boolean b) || b;
        ArrayNode first = array(a[0]);
        if (arrays == 1) {
            return first == null ? null : reorder(first, sortedOrder(first, ascending, nullsLast));
        }
        ArrayNode out = KqlValues.NODES.arrayNode();
        int[] order = first == null ? null : sortedOrder(first, ascending, nullsLast);
        for (int k = 0; k < arrays; k++) {
            ArrayNode array = array(a[k]);
            out.add(order == null || array == null || array.size() != order.length ? KqlValues.NODES.nullNode()
                    : reorder(array, order));
        }
        return out;
    }

    /** The positions of {@code array}'s elements in sorted order (nulls first or last). */
    private static int[] sortedOrder(ArrayNode array, boolean ascending, boolean nullsLast) {
        Comparator<JsonNode> order = Comparator.comparingInt(ArrayFunctions::rank);
        order = order.thenComparing((x, y) -> x.isNumber() && y.isNumber() ? Double.compare(x.asDouble(),
                y.asDouble()) : x.isTextual() && y.isTextual() ? x.asText().compareTo(y.asText()) : 0);
        Comparator<JsonNode> byValue = ascending ? order : order.reversed();
        List<Integer> values = new ArrayList<>();
        List<Integer> nulls = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            (array.get(i).isNull() ? nulls : values).add(i);
        }
        values.sort((x, y) -> byValue.compare(array.get(x), array.get(y)));
        List<Integer> all = new ArrayList<>(nullsLast ? values : nulls);
        all.addAll(nullsLast ? nulls : values);
        return all.stream().mapToInt(Integer::intValue).toArray();
    }

    private static ArrayNode reorder(ArrayNode array, int[] order) {
        ArrayNode out = KqlValues.NODES.arrayNode();
        for (int i : order) {
            out.add(array.get(i));
        }
        return out;
    }

    private static int rank(JsonNode e) {
        return e.isNumber() ? 0 : e.isTextual() ? 1 : e.isBoolean() ? 2 : 3;
    }

    /** array_index_of(array, value [, start [, length [, occurrence]]]): -1 when absent. */
    private static Object indexOf(Object[] a) {
        ArrayNode array = array(a[0]);
        if (array == null) {
            return null;
        }
        int n = array.size();
        long start = a.length > 2 && integer(a[2]) != null ? integer(a[2]) : 0;
        start = start < 0 ? Math.max(0, n + start) : start;
        long length = a.length > 3 && integer(a[3]) != null && integer(a[3]) >= 0 ? integer(a[3]) : n;
        long occurrence = a.length > 4 && integer(a[4]) != null ? integer(a[4]) : 1;
        String wanted = key(json(a[1]));
        long seen = 0;
        for (long i = start; i < Math.min(n, start + length); i++) {
            if (key(array.get((int) i)).equals(wanted) && ++seen == occurrence) {
                return i;
            }
        }
        return -1L;
    }

    private static long indexOf(ArrayNode array, JsonNode value) {
        String wanted = key(value);
        for (int i = 0; i < array.size(); i++) {
            if (key(array.get(i)).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    private static Object sum(ArrayNode array) {
        if (array == null) {
            return null;
        }
        double total = 0;
        for (JsonNode e : array) {
            if (e.isNull()) {
                continue; // Kusto's array_sum skips nulls
            }
            if (!e.isNumber()) {
                return null;
            }
            total += e.asDouble();
        }
        return total;
    }

    /** array_split(array, index or [indexes]): the parts between the split points. */
    private static Object split(ArrayNode array, Object at) {
        if (array == null || at == null) {
            return null;
        }
        List<Long> points = new ArrayList<>();
        if (array(at) != null) {
            array(at).forEach(e -> points.add(e.asLong()));
        } else if (integer(at) != null) {
            points.add(integer(at));
        } else if (at instanceof JsonNode j && j.isNumber()) {
            points.add(j.asLong());
        }
        int n = array.size();
        ArrayNode out = KqlValues.NODES.arrayNode();
        int from = 0;
        for (long p : points) {
            int to = (int) Math.max(from, Math.min(n, p < 0 ? n + p : p));
            out.add(part(array, from, to));
            from = to;
        }
        out.add(part(array, from, n));
        return out;
    }

    private static ArrayNode part(ArrayNode array, int from, int to) {
        ArrayNode part = KqlValues.NODES.arrayNode();
        for (int i = from; i < to; i++) {
            part.add(array.get(i));
        }
        return part;
    }

    private static Object rotate(ArrayNode array, Object by, int direction) {
        if (array == null || integer(by) == null) {
            return null;
        }
        int n = array.size();
        ArrayNode out = KqlValues.NODES.arrayNode();
        if (n == 0) {
            return out;
        }
        long shift = Math.floorMod(direction * integer(by), (long) n);
        for (int i = 0; i < n; i++) {
            out.add(array.get((int) Math.floorMod(i - shift, (long) n)));
        }
        return out;
    }

    /** array_shift_left/right(array, n [, fill]): elements moved, the vacated places filled (null by default). */
    private static Object shift(ArrayNode array, Object[] a, int direction) {
        if (array == null || integer(a[1]) == null) {
            return null;
        }
        long by = direction * integer(a[1]);
        JsonNode fill = a.length > 2 && a[2] != null ? json(a[2]) : KqlValues.NODES.nullNode();
        int n = array.size();
        ArrayNode out = KqlValues.NODES.arrayNode();
        for (int i = 0; i < n; i++) {
            long from = i - by;
            out.add(from >= 0 && from < n ? array.get((int) from) : fill);
        }
        return out;
    }

    private static Object zip(Object[] a) {
        int n = 0;
        for (Object v : a) {
            if (array(v) == null) {
                return null;
            }
            n = Math.max(n, array(v).size());
        }
        ArrayNode out = KqlValues.NODES.arrayNode();
        for (int i = 0; i < n; i++) {
            ArrayNode tuple = KqlValues.NODES.arrayNode();
            for (Object v : a) {
                tuple.add(i < array(v).size() ? array(v).get(i) : KqlValues.NODES.nullNode());
            }
            out.add(tuple);
        }
        return out;
    }

    private static Object packArray(Object[] a) {
        ArrayNode out = KqlValues.NODES.arrayNode();
        for (Object v : a) {
            out.add(v == null ? KqlValues.NODES.nullNode() : json(v));
        }
        return out;
    }

    private static Object strcatArray(Object[] a) {
        ArrayNode array = array(a[0]);
        if (array == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        String delimiter = KqlValues.toKustoString(a[1]);
        for (int i = 0; i < array.size(); i++) {
            out.append(i > 0 ? delimiter : "").append(KqlValues.toKustoString(array.get(i)));
        }
        return out.toString();
    }

    /** set_union (0), set_intersect (1), set_difference (2): distinct elements, in order of first appearance. */
    private static Object set(Object[] a, int operation) {
        for (Object v : a) {
            if (array(v) == null) {
                return null;
            }
        }
        Map<String, JsonNode> result = new LinkedHashMap<>();
        for (JsonNode e : array(a[0])) {
            result.putIfAbsent(key(e), e);
        }
        for (int i = 1; i < a.length; i++) {
            Map<String, JsonNode> other = new LinkedHashMap<>();
            for (JsonNode e : array(a[i])) {
                other.putIfAbsent(key(e), e);
            }
            switch (operation) {
                case 0 -> other.forEach(result::putIfAbsent);
                case 1 -> result.keySet().retainAll(other.keySet());
                default -> result.keySet().removeAll(other.keySet());
            }
        }
        ArrayNode out = KqlValues.NODES.arrayNode();
        result.values().forEach(out::add);
        return out;
    }
}
