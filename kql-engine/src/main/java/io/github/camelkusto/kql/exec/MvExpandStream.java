package io.github.camelkusto.kql.exec;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.data.VectorBuilder;
import io.github.camelkusto.kql.functions.EvalContext;
import io.github.camelkusto.kql.plan.PlanNode;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;

/**
 * mv-expand, streaming: each input batch becomes the batches of its expanded rows (at most
 * {@link Batch#MAX_ROWS} each). The kept columns are gathered by row index; the expanded ones are built from the
 * elements. As in Kusto, an empty array or bag gives no row, and a value that is neither (a scalar, null) gives
 * one row holding that value.
 */
final class MvExpandStream implements BatchStream {
    private final BatchStream input;
    private final PlanNode.MvExpand node;
    private final List<Batch> pending = new ArrayList<>();

    MvExpandStream(BatchStream input, PlanNode.MvExpand node) {
        this.input = input;
        this.node = node;
    }

    @Override
    public Batch next() {
        while (pending.isEmpty()) {
            Batch b = input.next();
            if (b == null) {
                return null;
            }
            expand(b);
        }
        return pending.remove(0);
    }

    private void expand(Batch batch) {
        int n = batch.rowCount();
        EvalContext context = new EvalContext(n, 0);
        int arrays = node.arrays().size();
        Vector[] values = new Vector[arrays];
        for (int a = 0; a < arrays; a++) {
            values[a] = node.arrays().get(a).evaluate(batch, context);
        }
        int[] rows = new int[Math.max(16, n)];
        long[] indexes = new long[rows.length];
        List<List<JsonNode>> elements = new ArrayList<>();
        for (int a = 0; a < arrays; a++) {
            elements.add(new ArrayList<>());
        }
        int count = 0;
        List<List<JsonNode>> rowElements = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rowElements.clear();
            int length = 0;
            for (int a = 0; a < arrays; a++) {
                List<JsonNode> items = elements((JsonNode) values[a].getObject(i));
                rowElements.add(items);
                length = Math.max(length, items.size());
            }
            length = (int) Math.min(length, node.limit());
            for (int k = 0; k < length; k++) {
                if (count == rows.length) {
                    rows = java.util.Arrays.copyOf(rows, count * 2);
                    indexes = java.util.Arrays.copyOf(indexes, count * 2);
                }
                rows[count] = i;
                indexes[count++] = k;
                for (int a = 0; a < arrays; a++) {
                    List<JsonNode> items = rowElements.get(a);
                    elements.get(a).add(k < items.size() ? items.get(k) : null);
                }
            }
        }
        Vector[] out = new Vector[node.schema().size()];
        for (int c = 0; c < out.length; c++) {
            int from = node.inputColumns().get(c);
            if (from >= 0) {
                out[c] = batch.column(from).select(rows, count);
            }
        }
        for (int a = 0; a < arrays; a++) {
            VectorBuilder builder = new VectorBuilder(KqlType.DYNAMIC, count);
            for (JsonNode e : elements.get(a)) {
                if (e == null) {
                    builder.appendNull();
                } else {
                    builder.appendObject(e);
                }
            }
            out[node.targets().get(a)] = builder.build();
        }
        if (node.itemIndex()) {
            VectorBuilder builder = new VectorBuilder(KqlType.LONG, count);
            for (int k = 0; k < count; k++) {
                builder.appendLong(indexes[k]);
            }
            out[out.length - 1] = builder.build();
        }
        if (count > 0) {
            pending.addAll(Batch.chunks(node.schema(), out, count));
        }
    }

    /** The elements one value expands to. */
    private List<JsonNode> elements(JsonNode value) {
        if (value instanceof ArrayNode array) {
            List<JsonNode> out = new ArrayList<>(array.size());
            array.forEach(out::add);
            return out;
        }
        if (value instanceof ObjectNode bag) {
            List<JsonNode> out = new ArrayList<>(bag.size());
            for (Iterator<Map.Entry<String, JsonNode>> it = bag.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (node.bagAsArray()) {
                    out.add(KqlValues.NODES.arrayNode().add(field.getKey()).add(field.getValue()));
                } else {
                    out.add(KqlValues.NODES.objectNode().set(field.getKey(), field.getValue()));
                }
            }
            return out;
        }
        List<JsonNode> one = new ArrayList<>(1);
        one.add(value);
        return one;
    }

    @Override
    public void close() {
        input.close();
    }
}
