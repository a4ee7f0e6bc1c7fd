/**
 * Step 8 of the data flow, the result and what outlives it: async operations (registry, states, progress lines,
 * cancellation, throttling), persisted details, the journal that survives a restart, and the {@code .show
 * operations} tables. Uses the command, storage and artifact parts (an operation runs an export job and lists its
 * artifacts); its threads are the component's Camel-managed pools, handed in.
 */
package io.github.camelkusto.export.operation;
