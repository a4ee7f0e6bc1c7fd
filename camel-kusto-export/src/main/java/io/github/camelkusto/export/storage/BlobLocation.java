package io.github.camelkusto.export.storage;

/**
 * A container (and optional folder in it) of an Azure Blob storage account. An ADLS Gen2 file system is written
 * through the same account's blob endpoint (multi-protocol access), so it is a container here too; {@code kind}
 * says which form the user wrote.
 *
 * @param serviceUrl the account's blob service endpoint, e.g. {@code https://acct.blob.core.windows.net} or
 *                   {@code http://127.0.0.1:10000/devstoreaccount1}
 * @param prefix     a folder inside the container ending in '/', or empty
 */
public record BlobLocation(Kind kind, String serviceUrl, String accountName, String container, String prefix,
        BlobCredential credential) implements StorageLocation {

    /** The form a connection string was written in. */
    public enum Kind {
        /** {@code https://<account>.blob.core.windows.net/...} or an emulator endpoint. */
        BLOB,
        /** {@code abfss://<fs>@<account>.dfs.core.windows.net/...} or {@code https://<account>.dfs.core.windows.net/...}. */
        ADLS_GEN2,
        /**
         * {@code https://onelake.blob|dfs.fabric.microsoft.com/<workspace>/<item>/...} or {@code abfss://<workspace>@onelake...}:
         * the workspace is held in {@code container}.
         */
        ONELAKE
    }

    /** The URL of a blob of this location, without any secret. */
    public String blobUrl(String blobName) {
        return serviceUrl + "/" + container + "/" + blobName;
    }

    @Override
    public String toString() {
        return serviceUrl + "/" + container + (prefix.isEmpty() ? "" : "/" + prefix.substring(0, prefix.length() - 1))
                + credential.display();
    }
}
