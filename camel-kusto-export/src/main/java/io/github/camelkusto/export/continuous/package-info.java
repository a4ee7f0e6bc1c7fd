/**
 * Continuous export: definitions, runs that export the records ingested between two database cursors to an
 * external table, and the journal that commits a run's artifacts and its cursor in one step.
 */
package io.github.camelkusto.export.continuous;
