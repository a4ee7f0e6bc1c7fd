/**
 * Internal (not exported by the bundle): every built-in scalar and aggregate function, registered as one
 * library, {@code BuiltInFunctions}, by {@code QueryEngine}. Uses the {@code functions} SPIs.
 */
package io.github.camelkusto.kql.functions.builtin;
