/**
 * Step 1 of the data flow, the command: the {@code .export}/{@code .show}/{@code .cancel} grammar (string literals,
 * obfuscated ones included), the immutable, validated {@code ExportCommand} and {@code ExportProperties}, the enums
 * export properties and endpoint options share ({@code IncludeHeaders}, {@code Distribution}, ...), and
 * {@code Redaction}, the one function that masks secrets. Uses the kql-engine only (its syntax and value types); no
 * Camel, and no other part of the component.
 */
package io.github.camelkusto.export.command;
