package io.github.camelkusto.kql.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelkusto.kql.syntax.ast.Expr;
import io.github.camelkusto.kql.syntax.ast.NamedExpr;
import io.github.camelkusto.kql.types.KqlType;

/**
 * Functions that return several columns ({@code series_stats}, {@code series_fit_line}), in project and extend:
 * each is its {@code _dynamic} form's bag, one column per member. As Kusto documents, a call with a name keeps
 * only the first column, under that name ("if you provide a limited number of names, the table shows only those
 * columns"); without one, every column is kept, named {@code function_argument_member}.
 */
final class TupleFunctions {
    private record Member(String name, String conversion) {
    }

    private static final Map<String, List<Member>> MEMBERS = Map.of(
            "series_stats", List.of(new Member("min", "todouble"), new Member("min_idx", "tolong"),
                    new Member("max", "todouble"), new Member("max_idx", "tolong"), new Member("avg", "todouble"),
                    new Member("variance", "todouble"), new Member("stdev", "todouble")),
            "series_fit_line", List.of(new Member("rsquare", "todouble"), new Member("slope", "todouble"),
                    new Member("variance", "todouble"), new Member("rvariance", "todouble"),
                    new Member("interception", "todouble"), new Member("line_fit", null)),
            "series_decompose", List.of(new Member("baseline", null), new Member("seasonal", null),
                    new Member("trend", null), new Member("residual", null)),
            "series_decompose_anomalies", List.of(new Member("ad_flag", null), new Member("ad_score", null),
                    new Member("baseline", null)));

    private static final Set<String> SORTS = Set.of("array_sort_asc", "array_sort_desc");

    private TupleFunctions() {
    }

    /** {@code items} with each call of a tuple function replaced by its columns. */
    static List<NamedExpr> expand(List<NamedExpr> items) {
        items = expandSorts(items);
        if (items.stream().noneMatch(TupleFunctions::isTupleCall)) {
            return items;
        }
        List<NamedExpr> out = new ArrayList<>();
        for (NamedExpr item : items) {
            if (!isTupleCall(item)) {
                out.add(item);
                continue;
            }
            List<String> names = item.expr() instanceof Expr.TupleNames t ? t.names() : null;
            Expr.Call call = (Expr.Call) (names != null ? ((Expr.TupleNames) item.expr()).value() : item.expr());
            String function = call.name();
            Expr bag = new Expr.Call(function + "_dynamic", call.args(), call.offset());
            String argument = call.args().isEmpty() ? null : ExpressionBinder.derivedName(call.args().get(0));
            List<Member> members = MEMBERS.get(function);
            if (names != null) {
                if (names.size() > members.size()) {
                    throw new IllegalArgumentException(function + " gives " + members.size() + " columns, not "
                            + names.size());
                }
                for (int k = 0; k < names.size(); k++) {
                    out.add(new NamedExpr(names.get(k), member(bag, members.get(k), call), item.offset()));
                }
                continue;
            }
            for (Member m : item.name() != null ? members.subList(0, 1) : members) {
                Expr value = new Expr.Index(bag, new Expr.Literal(KqlType.STRING, m.name(), call.offset()),
                        call.offset());
                if (m.conversion() != null) {
                    value = new Expr.Call(m.conversion(), List.of(value), call.offset());
                }
                String name = item.name() != null ? item.name()
                        : function + "_" + (argument == null ? "" : argument + "_") + m.name();
                out.add(new NamedExpr(name, value, item.offset()));
            }
        }
        return out;
    }

    private static Expr member(Expr bag, Member m, Expr.Call call) {
        Expr value = new Expr.Index(bag, new Expr.Literal(KqlType.STRING, m.name(), call.offset()), call.offset());
        return m.conversion() == null ? value : new Expr.Call(m.conversion(), List.of(value), call.offset());
    }

    /**
     * array_sort_asc/desc of several arrays: one column per array, {@code argument_sorted}, as the pages show
     * (a trailing bool literal is nulls_last, not an array); a named call keeps the first array under its name.
     */
    private static List<NamedExpr> expandSorts(List<NamedExpr> items) {
        List<NamedExpr> out = new ArrayList<>();
        for (NamedExpr item : items) {
            int arrays = item.expr() instanceof Expr.Call c && SORTS.contains(c.name()) ? sortedArrays(c) : 0;
            if (arrays < 2) {
                out.add(item);
                continue;
            }
            Expr.Call call = (Expr.Call) item.expr();
            for (int k = 0; k < (item.name() != null ? 1 : arrays); k++) {
                Expr value = new Expr.Index(call, new Expr.Literal(KqlType.LONG, (long) k, call.offset()),
                        call.offset());
                String argument = ExpressionBinder.derivedName(call.args().get(k));
                String name = item.name() != null ? item.name()
                        : (argument != null ? argument : call.name() + "_" + k) + "_sorted";
                out.add(new NamedExpr(name, value, item.offset()));
            }
        }
        return out;
    }

    private static int sortedArrays(Expr.Call call) {
        List<Expr> args = call.args();
        boolean nullsLast = args.size() > 1 && args.get(args.size() - 1) instanceof Expr.Literal l
                && l.type() == KqlType.BOOL;
        return nullsLast ? args.size() - 1 : args.size();
    }

    private static boolean isTupleCall(NamedExpr item) {
        Expr e = item.expr() instanceof Expr.TupleNames t ? t.value() : item.expr();
        return e instanceof Expr.Call c && MEMBERS.containsKey(c.name());
    }
}
