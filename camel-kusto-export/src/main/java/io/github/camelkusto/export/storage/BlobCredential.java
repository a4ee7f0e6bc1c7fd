package io.github.camelkusto.export.storage;

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

    /**
     * {@code ;managed_identity=...}: Azure Identity's managed identity. ADX's connection strings name a
     * user-assigned identity by its object id; Azure Identity also takes its client id or its resource id.
     *
     * @param by which of the identity's ids {@code id} is (empty for the system-assigned identity)
     */
    record ManagedIdentity(IdentityId by, String id) implements BlobCredential {
        /** The system-assigned identity of the machine the export runs on. */
        public static final ManagedIdentity SYSTEM = new ManagedIdentity(IdentityId.SYSTEM, "");

        @Override
        public String display() {
            return ";managed_identity=" + by.prefix + (by == IdentityId.SYSTEM ? "system" : id);
        }
    }

    /** How a connection string names a managed identity. */
    enum IdentityId {
        /** {@code managed_identity=system}. */
        SYSTEM(""),
        /** {@code managed_identity=<object id>} (as ADX writes it) or {@code managed_identity=object_id:<id>}. */
        OBJECT_ID(""),
        /** {@code managed_identity=client_id:<client id>} (also called application id). */
        CLIENT_ID("client_id:"),
        /** {@code managed_identity=/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.ManagedIdentity/...}. */
        RESOURCE_ID("");

        private final String prefix;

        IdentityId(String prefix) {
            this.prefix = prefix;
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
