package io.github.camelkusto.export.storage;

/** Where a connection string points, parsed and typed; {@code toString} never shows a secret. */
public sealed interface StorageLocation permits BlobLocation, LocalFolderLocation, CamelEndpointLocation {
}
