/**
 * API: {@code KqlType}, Kusto's text and JSON forms of values ({@code KqlValues}), {@code Ticks} (100 ns)
 * and the calendar rules. Depends on nothing else of the engine.
 */
package io.github.camelkusto.kql.types;
