/**
 * API: {@code QueryParser} (a query to its tree), {@code KustoSyntaxException} (the error users catch, with
 * its place in the text), {@code SourceText}, and the lexer and token cursor ({@code Lexer}, {@code TokenCursor},
 * {@code TokenParser}) that the command parsers share. Operator and expression parsing ({@code OperatorParser},
 * {@code ExpressionParser}) are package-private.
 */
package io.github.camelkusto.kql.syntax;
