package io.github.camelkusto.export.storage;

/** How to authenticate to Azure Blob storage. Records print {@code ****} instead of their secrets. */
public sealed interface BlobCredential {

    /** {@code ;<account key>}: a storage account's shared key. */
    record AccountKey(String key) implements BlobCredential {
        @Override
        public String toString() {
            return "AccountKey[****]";
        }
    }

    /** {@code ?<SAS>}: a shared access signature query string. */
    record SharedAccessSignature(String token) implements BlobCredential {
        @Override
        public String toString() {
            return "SharedAccessSignature[****]";
        }
    }
}
