package io.github.camelkusto.kql.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.exec.QueryEngine;
import io.github.camelkusto.kql.syntax.KustoSyntaxException;
import io.github.camelkusto.kql.syntax.QueryParser;
import io.github.camelkusto.kql.syntax.SourceText;
import io.github.camelkusto.kql.syntax.ast.Expr;
import io.github.camelkusto.kql.syntax.ast.TabularExpression;
import io.github.camelkusto.kql.types.KqlType;
import org.junit.jupiter.api.Test;

/**
 * Every kind of expression node, found through {@code Expr}'s permitted subclasses, so a new node type is covered
 * without touching this test: rewrites see all its children, and the binder binds it or refuses it with a
 * query error (never a ClassCastException from a dispatch that forgot it).
 */
class ExprSubtypesTest {
    private static final Expr CHILD = new Expr.Literal(KqlType.LONG, 1L, 0);
    private static final Expr REPLACED = new Expr.NameRef("replaced", 0);

    @Test
    void everyNodeKindIsCovered() {
        assertThat(Expr.class.getPermittedSubclasses()).hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    @SuppressWarnings("unchecked")
    void mapChildrenReplacesEveryScalarChildOfEveryNodeKind() throws Exception {
        for (Class<?> kind : Expr.class.getPermittedSubclasses()) {
            Expr mapped = sample(kind).mapChildren(child -> REPLACED);
            assertThat(mapped).as(kind.getSimpleName()).isInstanceOf(kind);
            for (RecordComponent component : kind.getRecordComponents()) {
                Object value = component.getAccessor().invoke(mapped);
                if (component.getType() == Expr.class) {
                    assertThat(value).as(kind.getSimpleName() + "." + component.getName()).isEqualTo(REPLACED);
                } else if (isExprList(component)) {
                    assertThat((List<Object>) value).as(kind.getSimpleName() + "." + component.getName())
                            .isNotEmpty().containsOnly(REPLACED);
                } else {
                    assertThat(value).as(kind.getSimpleName() + "." + component.getName())
                            .isEqualTo(component.getAccessor().invoke(sample(kind)));
                }
            }
        }
    }

    @Test
    void theBinderBindsOrRefusesEveryNodeKind() throws Exception {
        Schema schema = Schema.of(new Column("x", KqlType.LONG));
        for (Class<?> kind : Expr.class.getPermittedSubclasses()) {
            Binder binder = new Binder(new KustoDatabase("db"), QueryEngine.defaultFunctions(), new SourceText("x"),
                    plan -> new QueryResult(plan.schema(), List.of()));
            Expr sample = sample(kind);
            Throwable failure = catchThrowable(() -> binder.expressions.bindExpr(sample, schema, false));
            if (failure != null) {
                assertThat(failure).as(kind.getSimpleName()).isInstanceOf(KustoSyntaxException.class);
            }
        }
    }

    /** An instance of {@code kind} whose scalar children are {@link #CHILD}. */
    private static Expr sample(Class<?> kind) throws Exception {
        RecordComponent[] components = kind.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args.add(sampleValue(components[i]));
        }
        Constructor<?> canonical = kind.getDeclaredConstructor(types);
        return (Expr) canonical.newInstance(args.toArray());
    }

    private static Object sampleValue(RecordComponent component) {
        Class<?> type = component.getType();
        if (type == Expr.class) {
            return CHILD;
        }
        if (isExprList(component)) {
            return List.of(CHILD, CHILD);
        }
        if (type == String.class) {
            return "x";
        }
        if (type == List.class && component.getGenericType() instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] == String.class) {
            return List.of("x", "y");
        }
        if (type == int.class) {
            return 0;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == KqlType.class) {
            return KqlType.LONG;
        }
        if (type == TabularExpression.class) {
            return QueryParser.parse(new SourceText("print 1")).body();
        }
        if (type == Object.class) {
            return 1L;
        }
        throw new AssertionError("no sample value for a component of type " + type + ": extend this test");
    }

    private static boolean isExprList(RecordComponent component) {
        return component.getType() == List.class && component.getGenericType() instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] == Expr.class;
    }
}
