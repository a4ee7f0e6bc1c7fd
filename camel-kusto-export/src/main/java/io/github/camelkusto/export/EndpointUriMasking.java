package io.github.camelkusto.export;

import java.util.List;
import java.util.function.UnaryOperator;

import io.github.camelkusto.export.command.Redaction;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.util.URISupport;

/**
 * Keeps the secrets an endpoint URI may quote out of what Camel shows of it: logs, JMX, route dumps, message
 * history and Camel Main's property summary.
 */
final class EndpointUriMasking {
    /** The option holding connection strings, keys and SAS included. */
    static final String STORAGE = "storage";
    /** The option that may hold a whole .export command, its connection strings included. */
    private static final String QUERY = "query";
    /** The cluster credential options that hold a secret. */
    private static final List<String> CLUSTER_SECRETS = List.of("clientSecret", "accessToken",
            "clientCertificatePassword");

    private EndpointUriMasking() {
    }

    /**
     * The URI with the storage option's key or SAS masked, the connection strings of a command in the query
     * option, and any URL password or credential another option quotes.
     */
    static String maskSecrets(String uri) {
        String masked = maskOption(uri, STORAGE + "=", Redaction::connectionString);
        masked = maskOption(masked, QUERY + "=", Redaction::literals);
        for (String secret : CLUSTER_SECRETS) {
            masked = maskOption(masked, secret + "=", value -> Redaction.MASK);
        }
        return Redaction.text(masked);
    }

    /** The URI with the value of {@code option} (plain or RAW(...)) masked by {@code mask}. */
    private static String maskOption(String uri, String option, UnaryOperator<String> mask) {
        int at = uri.indexOf(option);
        if (at < 0 || (at > 0 && uri.charAt(at - 1) != '?' && uri.charAt(at - 1) != '&')) {
            return uri;
        }
        int start = at + option.length();
        int end;
        if (uri.startsWith("RAW(", start)) {
            end = uri.lastIndexOf(')');
            end = end < start ? uri.length() : end + 1;
            int next = uri.indexOf(")&", start);
            end = next >= 0 ? next + 1 : end;
        } else {
            end = uri.indexOf('&', start);
            end = end < 0 ? uri.length() : end;
        }
        return uri.substring(0, start) + mask.apply(uri.substring(start, end)) + uri.substring(end);
    }

    /** Tells Camel which option names hold secrets, so that it masks them wherever it prints a URI or a property. */
    static void registerSensitiveKeywords(CamelContext context) {
        // Camel masks options with these names wherever it prints a URI (message history, errors, JMX).
        URISupport.addSanitizeKeywords(STORAGE);
        CLUSTER_SECRETS.forEach(URISupport::addSanitizeKeywords);
        // ... and properties named *.storage (kusto.storage) in Camel Main's property summary and dev consoles.
        ExtendedCamelContext extension = context.getCamelContextExtension();
        String sensitive = extension.getAdditionalSensitiveKeywords();
        if (sensitive == null || sensitive.isBlank()) {
            extension.setAdditionalSensitiveKeywords(STORAGE);
        } else if (!List.of(sensitive.split(",")).contains(STORAGE)) {
            extension.setAdditionalSensitiveKeywords(sensitive + "," + STORAGE);
        }
    }
}
