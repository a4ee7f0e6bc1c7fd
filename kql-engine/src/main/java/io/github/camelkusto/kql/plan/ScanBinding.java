package io.github.camelkusto.kql.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.functions.Conversions;
import io.github.camelkusto.kql.syntax.ast.Expr;
import io.github.camelkusto.kql.syntax.ast.NamedExpr;
import io.github.camelkusto.kql.syntax.ast.TabularOperator;
import io.github.camelkusto.kql.types.KqlType;

/**
 * Binds scan: the declared variables become columns of the rows step expressions see, and {@code s.c} (column or
 * variable c of step s's record in the state) a hidden column. Serial functions (prev, next...) are refused in
 * steps, as Kusto does.
 */
final class ScanBinding {
    private static final String STATE = "__scan_state_";

    private ScanBinding() {
    }

    static PlanNode scan(Binder binder, PlanNode input, TabularOperator.Scan op) {
        Schema schema = input.schema();
        List<Column> variables = new ArrayList<>();
        List<Object> defaults = new ArrayList<>();
        for (TabularOperator.ScanVariable v : op.declared()) {
            KqlType type = KqlType.byName(v.type()).orElseThrow();
            if (schema.indexOf(v.name()).isPresent() || variables.stream().anyMatch(c -> c.name().equals(v.name()))) {
                throw binder.error("scan declares '" + v.name() + "', which is already a column", v.offset());
            }
            Object value = null;
            if (v.defaultValue() != null) {
                BoundExpr d = binder.expressions.bindExpr(v.defaultValue(), new Schema(List.of()), false);
                if (!(d instanceof BoundExpr.Constant c)) {
                    throw binder.error("scan: the default of '" + v.name() + "' must be a constant",
                            v.defaultValue().offset());
                }
                value = convertConstant(binder, c, type, v.defaultValue().offset());
            }
            variables.add(new Column(v.name(), type));
            defaults.add(value);
        }
        List<String> stepNames = op.steps().stream().map(TabularOperator.ScanStep::name).toList();
        List<Column> seen = new ArrayList<>(schema.columns());
        seen.addAll(variables);
        List<Column> record = new ArrayList<>(schema.columns());
        record.addAll(variables);
        Set<String> used = new HashSet<>();
        for (TabularOperator.ScanStep step : op.steps()) {
            PluginBinding.collectNames(stateRefs(step.predicate(), stepNames), used);
            step.assignments().forEach(a -> PluginBinding.collectNames(stateRefs(a.expr(), stepNames), used));
        }
        List<int[]> stateColumns = new ArrayList<>(); // only the s.c the steps read: each is a vector per check
        for (int s = 0; s < stepNames.size(); s++) {
            for (int c = 0; c < record.size(); c++) {
                String hidden = STATE + stepNames.get(s) + "_" + record.get(c).name();
                if (used.contains(hidden)) {
                    seen.add(new Column(hidden, record.get(c).type()));
                    stateColumns.add(new int[] {s, c});
                }
            }
        }
        Schema expressionSchema = new Schema(seen);
        List<PlanNode.ScanStep> steps = new ArrayList<>();
        for (TabularOperator.ScanStep step : op.steps()) {
            if (step.optional()) {
                throw binder.error("scan: optional steps are not supported by the embedded engine yet",
                        step.offset());
            }
            if (!step.output().equals("all") && !step.output().equals("none")) {
                throw binder.error("scan: output=" + step.output() + " is not supported by the embedded engine"
                        + " (supported: output=all, output=none)", step.offset());
            }
            BoundExpr predicate = binder.expressions.bindExpr(stateRefs(step.predicate(), stepNames), expressionSchema, false);
            if (predicate.type() != KqlType.BOOL) {
                throw binder.error("a scan step's condition must be bool, not " + predicate.type().kustoName(),
                        step.predicate().offset());
            }
            List<Integer> targets = new ArrayList<>();
            List<BoundExpr> values = new ArrayList<>();
            for (NamedExpr a : step.assignments()) {
                int target = -1;
                for (int i = 0; i < variables.size(); i++) {
                    if (variables.get(i).name().equals(a.name())) {
                        target = i;
                    }
                }
                if (target < 0) {
                    throw binder.error("scan can assign only declared variables, not '" + a.name() + "'",
                            a.offset());
                }
                BoundExpr value = binder.expressions.bindExpr(stateRefs(a.expr(), stepNames), expressionSchema, false);
                KqlType type = variables.get(target).type();
                if (value.type() != type) {
                    if (Conversions.wideningCost(value.type(), type) == Integer.MAX_VALUE) {
                        throw binder.error("scan: '" + a.name() + "' is " + type.kustoName() + ", not "
                                + value.type().kustoName(), a.expr().offset());
                    }
                    value = new BoundExpr.Widen(value, type);
                }
                targets.add(target);
                values.add(value);
            }
            steps.add(new PlanNode.ScanStep(predicate, targets, values, step.output().equals("all")));
        }
        List<Column> out = new ArrayList<>(schema.columns());
        out.addAll(variables);
        if (op.matchId() != null) {
            out.add(new Column(op.matchId(), KqlType.LONG));
        }
        return new PlanNode.ScanSteps(input, variables, defaults, steps, expressionSchema, stateColumns,
                op.matchId() != null,
                new Schema(out));
    }

    private static Object convertConstant(Binder binder, BoundExpr.Constant c, KqlType type, int offset) {
        if (c.value() == null || c.type() == type) {
            return c.value();
        }
        if (Conversions.wideningCost(c.type(), type) == Integer.MAX_VALUE) {
            throw binder.error("scan: a default of type " + c.type().kustoName() + " for a " + type.kustoName()
                    + " variable", offset);
        }
        return type == KqlType.REAL ? Double.valueOf(((Number) c.value()).doubleValue())
                : Long.valueOf(((Number) c.value()).longValue());
    }

    /** {@code e} with each {@code step.variable} replaced by the hidden column of that step's state. */
    private static Expr stateRefs(Expr e, List<String> steps) {
        if (e instanceof Expr.Member m && m.target() instanceof Expr.NameRef n && steps.contains(n.name())) {
            return new Expr.NameRef(STATE + n.name() + "_" + m.name(), m.offset());
        }
        return e.mapChildren(child -> stateRefs(child, steps));
    }
}
