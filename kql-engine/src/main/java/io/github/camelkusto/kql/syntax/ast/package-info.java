/**
 * API: the parsed query tree ({@code Query}, {@code TabularExpression}, {@code TabularOperator},
 * {@code Expr}, whose {@code mapChildren} is the one rewrite helper).
 */
package io.github.camelkusto.kql.syntax.ast;
