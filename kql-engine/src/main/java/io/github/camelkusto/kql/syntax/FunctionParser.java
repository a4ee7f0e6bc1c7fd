package io.github.camelkusto.kql.syntax;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.syntax.ast.Expr;
import io.github.camelkusto.kql.syntax.ast.Query;
import io.github.camelkusto.kql.syntax.ast.TabularExpression;
import io.github.camelkusto.kql.types.KqlType;

/**
 * User-defined functions: {@code let f = (x:long, y:string = "d", T:(a:long), U:(*)) { let ...; body }} and the
 * arguments of a call of one ({@code f(T, 1)}, {@code invoke f(1)}), where each argument is a table or a scalar.
 */
final class FunctionParser {
    private final QueryParser parser;
    private final TokenCursor tokens;

    /** Names of the user-defined functions whose body is tabular (their calls are tabular sources). */
    final Set<String> tabularFunctions = new HashSet<>();

    FunctionParser(QueryParser parser) {
        this.parser = parser;
        this.tokens = parser.tokens;
    }

    /** Does a function definition start here ({@code [view] ()} then {@code {}, or {@code [view] (name:})? */
    boolean atDefinition() {
        int i = tokens.position();
        if (tokens.at(i).kind() == TokenKind.IDENTIFIER && tokens.at(i).text().equals("view")
                && tokens.at(i + 1).isSymbol("(")) {
            i++;
        }
        return tokens.at(i).isSymbol("(") && (tokens.at(i + 1).isSymbol(")") && tokens.at(i + 2).isSymbol("{")
                || tokens.at(i + 1).kind() == TokenKind.IDENTIFIER && tokens.at(i + 2).isSymbol(":"));
    }

    Query.FunctionLet definition(Token name, Token keyword) {
        boolean view = tokens.peek().kind() == TokenKind.IDENTIFIER && tokens.peek().text().equals("view");
        if (view) {
            tokens.advance();
        }
        tokens.expectSymbol("(");
        List<Query.Parameter> parameters = new ArrayList<>();
        Set<String> savedTabular = new HashSet<>(parser.tabularLets);
        Set<String> savedScalar = new HashSet<>(parser.scalarLets);
        if (!tokens.peek().isSymbol(")")) {
            do {
                parameters.add(parameter());
            } while (tokens.acceptSymbol(","));
        }
        tokens.expectSymbol(")");
        for (Query.Parameter p : parameters) {
            (p.tabular() ? parser.tabularLets : parser.scalarLets).add(p.name());
            (p.tabular() ? parser.scalarLets : parser.tabularLets).remove(p.name());
        }
        tokens.expectSymbol("{");
        List<Query.Let> lets = new ArrayList<>();
        while (tokens.peek().isKeyword("let")) {
            lets.add(parser.let());
            tokens.expectSymbol(";");
            while (tokens.acceptSymbol(";")) {
                // empty statements are allowed
            }
        }
        Object body = parser.isTabularStart(tokens.position()) ? parser.tabularExpression()
                : parser.expressions.expression();
        while (tokens.acceptSymbol(";")) {
            // a body may end with ';'
        }
        tokens.expectSymbol("}");
        parser.tabularLets.clear();
        parser.tabularLets.addAll(savedTabular);
        parser.scalarLets.clear();
        parser.scalarLets.addAll(savedScalar);
        if (body instanceof TabularExpression) {
            tabularFunctions.add(QueryParser.nameOf(name));
        } else {
            tabularFunctions.remove(QueryParser.nameOf(name));
        }
        return new Query.FunctionLet(QueryParser.nameOf(name), parameters, lets, body, view, keyword.start());
    }

    private Query.Parameter parameter() {
        Token name = parser.expectName("a parameter name");
        tokens.expectSymbol(":");
        if (tokens.acceptSymbol("(")) {
            List<Column> columns = new ArrayList<>();
            if (!tokens.acceptSymbol("*")) {
                do {
                    Token column = parser.expectName("a column name");
                    tokens.expectSymbol(":");
                    Token typeName = tokens.advance();
                    columns.add(new Column(QueryParser.nameOf(column), KqlType.byName(typeName.text())
                            .orElseThrow(() -> parser.unknownType(typeName))));
                } while (tokens.acceptSymbol(","));
            }
            tokens.expectSymbol(")");
            return new Query.Parameter(QueryParser.nameOf(name), null, columns, null, name.start());
        }
        Token typeName = tokens.advance();
        KqlType type = KqlType.byName(typeName.text()).orElseThrow(() -> parser.unknownType(typeName));
        Expr defaultValue = tokens.acceptSymbol("=") ? parser.expressions.expression() : null;
        return new Query.Parameter(QueryParser.nameOf(name), type, null, defaultValue, name.start());
    }

    /** Is {@code word(} at token {@code i} the call of a tabular user-defined function? */
    boolean isTabularCall(int i) {
        return tokens.at(i).kind() == TokenKind.IDENTIFIER && tabularFunctions.contains(tokens.at(i).text())
                && tokens.at(i + 1).isSymbol("(");
    }

    /** {@code (arg, ...)} of a function call: each a table or a scalar expression. */
    List<Object> arguments() {
        tokens.expectSymbol("(");
        List<Object> args = new ArrayList<>();
        if (!tokens.peek().isSymbol(")")) {
            do {
                args.add(parser.isTabularStart(tokens.position()) ? parser.tabularExpression()
                        : parser.expressions.expression());
            } while (tokens.acceptSymbol(","));
        }
        tokens.expectSymbol(")");
        return args;
    }

    TabularExpression call(Token name) {
        return new TabularExpression.FunctionCall(name.text(), arguments(), name.start());
    }
}
