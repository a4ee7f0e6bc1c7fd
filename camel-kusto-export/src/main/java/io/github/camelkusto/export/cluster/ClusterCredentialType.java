package io.github.camelkusto.export.cluster;

import io.github.camelkusto.export.command.KustoName;

/** How the component signs in to a cluster; every kind but {@code none} is an Azure Identity credential. */
public enum ClusterCredentialType implements KustoName {
    /** Azure Identity's DefaultAzureCredential: environment, workload identity, managed identity, Azure CLI ... */
    DEFAULT_AZURE_CREDENTIAL("defaultAzureCredential"),
    /** A managed identity: system-assigned, or user-assigned with managedIdentityClientId. */
    MANAGED_IDENTITY("managedIdentity"),
    /** An application (service principal): clientId, clientSecret and tenantId. */
    CLIENT_SECRET("clientSecret"),
    /** An application with a certificate: clientId, clientCertificate (PEM or PFX file) and tenantId. */
    CLIENT_CERTIFICATE("clientCertificate"),
    /** An access token obtained elsewhere, sent as is (it is not renewed). */
    ACCESS_TOKEN("accessToken"),
    /** The TokenCredential bean given as the tokenCredential option (or autowired from the registry). */
    TOKEN_CREDENTIAL("tokenCredential"),
    /** No credential: a local endpoint without sign-in. */
    NONE("none");

    private final String kustoName;

    ClusterCredentialType(String kustoName) {
        this.kustoName = kustoName;
    }

    @Override
    public String kustoName() {
        return kustoName;
    }

    @Override
    public String toString() {
        return kustoName;
    }
}
