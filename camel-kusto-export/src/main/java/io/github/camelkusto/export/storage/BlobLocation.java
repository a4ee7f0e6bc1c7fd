package io.github.camelkusto.export.storage;

/**
 * A container (and optional folder in it) of an Azure Blob storage account.
 *
 * @param serviceUrl the account's blob service endpoint, e.g. {@code https://acct.blob.core.windows.net} or
 *                   {@code http://127.0.0.1:10000/devstoreaccount1}
 * @param prefix     a folder inside the container ending in '/', or empty
 */
public record BlobLocation(String serviceUrl, String accountName, String container, String prefix,
        BlobCredential credential) implements StorageLocation {

    /** The URL of a blob of this location, without any secret. */
    public String blobUrl(String blobName) {
        return serviceUrl + "/" + container + "/" + blobName;
    }

    @Override
    public String toString() {
        String mask = credential instanceof BlobCredential.SharedAccessSignature ? "?****" : ";****";
        return serviceUrl + "/" + container + (prefix.isEmpty() ? "" : "/" + prefix.substring(0, prefix.length() - 1))
                + mask;
    }
}
