package io.github.camelkusto.export.cluster;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import reactor.core.publisher.Mono;

/**
 * The credential options of a cluster connection, as the endpoint holds them. {@link #type()} may be left unset:
 * it is then inferred from the options given (see {@link #resolvedType(URI)}). Secrets never show in
 * {@link #toString()} or in an error.
 *
 * @param managedIdentityClientId the client id of a user-assigned managed identity; null for the system-assigned one
 * @param clientCertificate       the path of a PEM or PFX (.pfx, .p12) file holding the certificate and its key
 * @param tokenCredential         a TokenCredential bean (Azure Identity or any other implementation)
 */
public record ClusterCredentials(ClusterCredentialType type, String managedIdentityClientId, String clientId,
        String clientSecret, String tenantId, String clientCertificate, String clientCertificatePassword,
        String accessToken, TokenCredential tokenCredential) {

    /**
     * The type given, else: accessToken set → accessToken; clientId with clientSecret → clientSecret; clientId with
     * clientCertificate → clientCertificate; managedIdentityClientId → managedIdentity; a tokenCredential →
     * tokenCredential; a plain-http (local) endpoint → none (kusto-data never sends a token over plain http);
     * else defaultAzureCredential.
     */
    public ClusterCredentialType resolvedType(URI cluster) {
        if (type != null) {
            return type;
        }
        if (set(accessToken)) {
            return ClusterCredentialType.ACCESS_TOKEN;
        }
        if (set(clientId) && set(clientSecret)) {
            return ClusterCredentialType.CLIENT_SECRET;
        }
        if (set(clientId) && set(clientCertificate)) {
            return ClusterCredentialType.CLIENT_CERTIFICATE;
        }
        if (set(managedIdentityClientId)) {
            return ClusterCredentialType.MANAGED_IDENTITY;
        }
        if (tokenCredential != null) {
            return ClusterCredentialType.TOKEN_CREDENTIAL;
        }
        return "http".equalsIgnoreCase(cluster.getScheme()) ? ClusterCredentialType.NONE
                : ClusterCredentialType.DEFAULT_AZURE_CREDENTIAL;
    }

    /**
     * Checks that the options the resolved type needs are there, before anything connects.
     *
     * @throws IllegalArgumentException naming the missing option
     */
    public void check(URI cluster) {
        ClusterCredentialType resolved = resolvedType(cluster);
        switch (resolved) {
            case CLIENT_SECRET -> {
                require(clientId, "clientId", resolved);
                require(clientSecret, "clientSecret", resolved);
                require(tenantId, "tenantId", resolved);
            }
            case CLIENT_CERTIFICATE -> {
                require(clientId, "clientId", resolved);
                require(clientCertificate, "clientCertificate", resolved);
                require(tenantId, "tenantId", resolved);
                if (!Files.isReadable(Path.of(clientCertificate))) {
                    throw new IllegalArgumentException("kusto-export: clientCertificate " + clientCertificate
                            + " is not a readable file");
                }
            }
            case ACCESS_TOKEN -> require(accessToken, "accessToken", resolved);
            case TOKEN_CREDENTIAL -> {
                if (tokenCredential == null) {
                    throw new IllegalArgumentException("kusto-export: clusterCredentialType=tokenCredential needs the"
                            + " option tokenCredential (a TokenCredential bean, e.g. #bean:myCredential)");
                }
            }
            default -> {
                // the other kinds need nothing, or find what they need in the environment
            }
        }
    }

    /** The credential to sign in with; empty for {@link ClusterCredentialType#NONE}. */
    public Optional<TokenCredential> credential(URI cluster) {
        return Optional.ofNullable(switch (resolvedType(cluster)) {
            case DEFAULT_AZURE_CREDENTIAL -> {
                DefaultAzureCredentialBuilder builder = new DefaultAzureCredentialBuilder();
                if (set(managedIdentityClientId)) {
                    builder.managedIdentityClientId(managedIdentityClientId);
                }
                if (set(tenantId)) {
                    builder.tenantId(tenantId);
                }
                yield builder.build();
            }
            case MANAGED_IDENTITY -> {
                ManagedIdentityCredentialBuilder builder = new ManagedIdentityCredentialBuilder();
                if (set(managedIdentityClientId)) {
                    builder.clientId(managedIdentityClientId);
                }
                yield builder.build();
            }
            case CLIENT_SECRET -> new ClientSecretCredentialBuilder().clientId(clientId).clientSecret(clientSecret)
                    .tenantId(tenantId).build();
            case CLIENT_CERTIFICATE -> certificate();
            case ACCESS_TOKEN -> fixed(accessToken);
            case TOKEN_CREDENTIAL -> tokenCredential;
            case NONE -> null;
        });
    }

    private TokenCredential certificate() {
        ClientCertificateCredentialBuilder builder = new ClientCertificateCredentialBuilder().clientId(clientId)
                .tenantId(tenantId);
        String name = clientCertificate.toLowerCase(Locale.ROOT);
        if (name.endsWith(".pfx") || name.endsWith(".p12")) {
            builder.pfxCertificate(clientCertificate).clientCertificatePassword(clientCertificatePassword);
        } else {
            builder.pemCertificate(clientCertificate);
        }
        return builder.build();
    }

    /** A token obtained elsewhere: handed out as is for any scope, never renewed. */
    private static TokenCredential fixed(String token) {
        AccessToken access = new AccessToken(token, OffsetDateTime.MAX);
        return request -> Mono.just(access);
    }

    private static void require(String value, String option, ClusterCredentialType type) {
        if (!set(value)) {
            throw new IllegalArgumentException("kusto-export: clusterCredentialType=" + type + " needs the option "
                    + option);
        }
    }

    private static boolean set(String value) {
        return value != null && !value.isBlank();
    }

    /** Never shows a secret. */
    @Override
    public String toString() {
        return "ClusterCredentials[type=" + type + ", clientId=" + clientId + ", tenantId=" + tenantId
                + ", managedIdentityClientId=" + managedIdentityClientId + ", clientSecret="
                + (set(clientSecret) ? "****" : "none") + ", accessToken=" + (set(accessToken) ? "****" : "none")
                + "]";
    }
}
