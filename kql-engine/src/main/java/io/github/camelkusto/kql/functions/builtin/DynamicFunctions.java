package io.github.camelkusto.kql.functions.builtin;

import static io.github.camelkusto.kql.types.KqlType.BOOL;
import static io.github.camelkusto.kql.types.KqlType.DYNAMIC;
import static io.github.camelkusto.kql.types.KqlType.LONG;
import static io.github.camelkusto.kql.types.KqlType.STRING;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkusto.kql.functions.FunctionLibrary;
import io.github.camelkusto.kql.functions.FunctionRegistry;
import io.github.camelkusto.kql.functions.Overloads;
import io.github.camelkusto.kql.functions.RowWise;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;

/**
 * Access into dynamic values: {@code d.name} and {@code d['name']} (registered as {@code "."}), {@code d[i]}
 * (as {@code "[]"}; a negative index counts from the end). A missing member or index gives null. Property bags:
 * bag_keys, pack/bag_pack, bag_merge (the first bag with a key wins), bag_remove_keys, bag_has_key, bag_set_key
 * (the last three take a key or a JSONPath to a nested one), jaccard_index of two arrays,
 * dynamic_to_json (keys sorted, as Kusto writes it). A bag function of a value that is no bag gives null.
 */
public final class DynamicFunctions implements FunctionLibrary {
    private static final java.util.regex.Pattern JSON_PATH_STEP =
            java.util.regex.Pattern.compile("\\.([^.\\[]+)|\\['([^']*)'\\]|\\[\"([^\"]*)\"\\]");

    @Override
    public void registerInto(FunctionRegistry registry) {
        registry.register(Overloads.of(".").add(DYNAMIC, RowWise.of(DYNAMIC, (d, name) -> member((JsonNode) d,
                (String) name)), DYNAMIC, STRING));
        registry.register(Overloads.of("[]")
                .add(DYNAMIC, RowWise.of(DYNAMIC, (d, name) -> member((JsonNode) d, (String) name)), DYNAMIC, STRING)
                .add(DYNAMIC, RowWise.of(DYNAMIC, (d, i) -> element((JsonNode) d, ((Number) i).longValue())), DYNAMIC,
                        LONG));
        registry.register(new ArrayFunctions.DynamicFunction("bag_keys", DYNAMIC, 1, 1, a -> keys(a[0])));
        for (String name : new String[] {"pack", "bag_pack"}) {
            registry.register(new ArrayFunctions.DynamicFunction(name, DYNAMIC, 0, 1024, DynamicFunctions::pack)
                    .inPairs());
        }
        registry.register(new ArrayFunctions.DynamicFunction("bag_merge", DYNAMIC, 2, 64, DynamicFunctions::merge));
        registry.register(new ArrayFunctions.DynamicFunction("bag_remove_keys", DYNAMIC, 2, 2,
                a -> removeKeys(a[0], a[1])));
        registry.register(new ArrayFunctions.DynamicFunction("bag_has_key", BOOL, 2, 2,
                a -> a[0] instanceof ObjectNode bag && a[1] != null ? hasKey(bag, KqlValues.toKustoString(a[1])) : null));
        registry.register(new ArrayFunctions.DynamicFunction("bag_set_key", DYNAMIC, 3, 3,
                a -> a[0] instanceof ObjectNode bag && a[1] != null ? setKey(bag, KqlValues.toKustoString(a[1]),
                        a[2]) : null));
        registry.register(new ArrayFunctions.DynamicFunction("bag_zip", DYNAMIC, 2, 2, a -> zip(a[0], a[1])));
        registry.register(new ArrayFunctions.DynamicFunction("jaccard_index", KqlType.REAL, 2, 2,
                a -> jaccard(a[0], a[1])));
        registry.register(new ArrayFunctions.DynamicFunction("dynamic_to_json", STRING, 1, 1,
                a -> a[0] == null ? "" : sorted(ArrayFunctions.json(a[0])).toString()));
    }

    private static Object keys(Object value) {
        if (!(value instanceof ObjectNode bag)) {
            return null;
        }
        ArrayNode out = KqlValues.NODES.arrayNode();
        bag.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** pack(key1, value1, ...): an even number of arguments, the keys strings. */
    private static Object pack(Object[] a) {
        ObjectNode bag = KqlValues.NODES.objectNode();
        for (int i = 0; i < a.length; i += 2) {
            bag.set(KqlValues.toKustoString(a[i]),
                    a[i + 1] == null ? KqlValues.NODES.nullNode() : ArrayFunctions.json(a[i + 1]));
        }
        return bag;
    }

    private static Object merge(Object[] a) {
        ObjectNode out = KqlValues.NODES.objectNode();
        for (Object v : a) {
            if (v instanceof ObjectNode bag) {
                bag.fields().forEachRemaining(f -> {
                    if (!out.has(f.getKey())) {
                        out.set(f.getKey(), f.getValue());
                    }
                });
            }
        }
        return out;
    }

    private static Object removeKeys(Object value, Object keys) {
        if (!(value instanceof ObjectNode bag)) {
            return null;
        }
        ObjectNode out = bag.deepCopy();
        if (keys instanceof ArrayNode list) {
            list.forEach(k -> {
                List<String> path = path(k.asText());
                JsonNode parent = out;
                for (int i = 0; i < path.size() - 1 && parent != null; i++) {
                    parent = parent.get(path.get(i));
                }
                if (parent instanceof ObjectNode holder) {
                    holder.remove(path.get(path.size() - 1));
                }
            });
        }
        return out;
    }

    /**
     * A key, or a JSONPath to a nested one: {@code $.a.b} or {@code $['a']['b']} (bag_has_key, bag_set_key,
     * bag_remove_keys take both).
     */
    static List<String> path(String key) {
        if (!key.startsWith("$")) {
            return List.of(key);
        }
        List<String> parts = new ArrayList<>();
        java.util.regex.Matcher m = JSON_PATH_STEP.matcher(key.substring(1));
        while (m.find()) {
            parts.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return parts.isEmpty() ? List.of(key) : parts;
    }

    private static Boolean hasKey(ObjectNode bag, String key) {
        JsonNode at = bag;
        for (String step : path(key)) {
            if (!(at instanceof ObjectNode o) || !o.has(step)) {
                return false;
            }
            at = o.get(step);
        }
        return true;
    }

    /** The bag with the key (a JSONPath makes the bags on its way) set to the value. */
    private static Object setKey(ObjectNode bag, String key, Object value) {
        ObjectNode out = bag.deepCopy();
        List<String> path = path(key);
        ObjectNode at = out;
        for (int i = 0; i < path.size() - 1; i++) {
            if (!(at.get(path.get(i)) instanceof ObjectNode)) {
                at.set(path.get(i), KqlValues.NODES.objectNode());
            }
            at = (ObjectNode) at.get(path.get(i));
        }
        at.set(path.get(path.size() - 1), value == null ? KqlValues.NODES.nullNode() : ArrayFunctions.json(value));
        return out;
    }

    /**
     * bag_zip(keys, values): a bag of the keys (strings; other keys are left out) to the values at the same
     * index, null where the values array is shorter or no array (the bag_zip() page).
     */
    private static Object zip(Object keys, Object values) {
        if (!(keys instanceof ArrayNode names)) {
            return null;
        }
        ArrayNode list = values instanceof ArrayNode array ? array : KqlValues.NODES.arrayNode(); // no array: nulls
        ObjectNode bag = KqlValues.NODES.objectNode();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).isTextual()) {
                bag.set(names.get(i).asText(), i < list.size() ? list.get(i) : KqlValues.NODES.nullNode());
            }
        }
        return bag;
    }

    /** |a ∩ b| / |a ∪ b| of the distinct elements of two arrays. */
    private static Object jaccard(Object a, Object b) {
        if (!(a instanceof ArrayNode left) || !(b instanceof ArrayNode right)) {
            return null;
        }
        java.util.Set<JsonNode> l = new java.util.HashSet<>();
        left.forEach(l::add);
        java.util.Set<JsonNode> union = new java.util.HashSet<>(l);
        java.util.Set<JsonNode> both = new java.util.HashSet<>();
        right.forEach(e -> {
            union.add(e);
            if (l.contains(e)) {
                both.add(e);
            }
        });
        return union.isEmpty() ? null : (double) both.size() / union.size();
    }

    /** The value with the keys of every bag in it sorted. */
    private static JsonNode sorted(JsonNode value) {
        if (value instanceof ObjectNode bag) {
            ObjectNode out = KqlValues.NODES.objectNode();
            java.util.TreeMap<String, JsonNode> fields = new java.util.TreeMap<>();
            bag.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue()));
            fields.forEach((k, v) -> out.set(k, sorted(v)));
            return out;
        }
        if (value instanceof ArrayNode array) {
            ArrayNode out = KqlValues.NODES.arrayNode();
            array.forEach(e -> out.add(sorted(e)));
            return out;
        }
        return value;
    }

    /** A JSON null member is a null value, as isnull() sees it in Kusto. */
    static JsonNode member(JsonNode d, String name) {
        return d.isObject() ? present(d.get(name)) : null;
    }

    private static JsonNode present(JsonNode value) {
        return value == null || value.isNull() ? null : value;
    }

    static JsonNode element(JsonNode d, long i) {
        if (!d.isArray()) {
            return null;
        }
        long at = i < 0 ? d.size() + i : i;
        return at < 0 || at >= d.size() ? null : present(d.get((int) at));
    }
}
