package io.github.camelkusto.export.storage;

import java.util.Optional;

/** How to authenticate to Azure Blob storage. Records print {@code ****} instead of their secrets. */
public sealed interface BlobCredential {

    /** How the credential appears at the end of a connection string shown to people: secrets as {@code ****}. */
    String display();

    /** {@code ;<account key>} or {@code ;sharedkey=<account key>}: a storage account's shared key. */
    record AccountKey(String key) implements BlobCredential {
        @Override
        public String display() {
            return ";****";
        }

        @Override
        public String toString() {
            return "AccountKey[****]";
        }
    }

    /** {@code ?<SAS>}: a shared access signature query string. */
    record SharedAccessSignature(String token) implements BlobCredential {
        @Override
        public String display() {
            return "?****";
        }

        @Override
        public String toString() {
            return "SharedAccessSignature[****]";
        }
    }

    /** {@code ;managed_identity=system} or {@code ;managed_identity=<client id>}: Azure Identity's managed identity. */
    record ManagedIdentity(Optional<String> clientId) implements BlobCredential {
        @Override
        public String display() {
            return ";managed_identity=" + clientId.orElse("system");
        }
    }

    /** {@code ;impersonate}: Azure Identity's DefaultAzureCredential (environment, workload or managed identity, CLI). */
    record Impersonate() implements BlobCredential {
        @Override
        public String display() {
            return ";impersonate";
        }
    }

    /** {@code ;token=<bearer token>}: an OAuth access token for Azure Storage, used as given. */
    record BearerToken(String token) implements BlobCredential {
        @Override
        public String display() {
            return ";token=****";
        }

        @Override
        public String toString() {
            return "BearerToken[****]";
        }
    }
}
