/**
 * Step 7 of the data flow, the store: connection-string parsing ({@code ConnectionStrings}, secrets masked in every
 * message) and {@code StorageTarget}s that commit an artifact whole or not at all: Azure Blob storage through
 * camel-azure-storage-blob's producer (blocks staged on the component's pool, committed once), and local folders.
 * Uses the command part (connection-string literals, masking) and Camel; not the artifact or operation parts.
 */
package io.github.camelkusto.export.storage;
