package io.github.camelkusto.export.storage;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.camelkusto.export.command.Redaction;
import io.github.camelkusto.export.command.StorageLiteral;

/**
 * The connection string the Azure portal (and every Azure SDK) gives for a storage account:
 * {@code DefaultEndpointsProtocol=https;AccountName=<account>;AccountKey=<key>;EndpointSuffix=core.windows.net},
 * with {@code SharedAccessSignature=<SAS>} instead of the key, or {@code BlobEndpoint=<url>} instead of name and
 * suffix, or Azurite's {@code UseDevelopmentStorage=true}. It names no container, so this project adds the key
 * {@code Container=<container>[/<folder>]}. It is read by turning it into the form ADX writes
 * ({@code <blob endpoint>/<container>[/<folder>];<key>} or {@code ...?<SAS>}), which
 * {@link ConnectionStrings} then parses as any other.
 */
final class PortalConnectionString {
    private static final String PROTOCOL = "DefaultEndpointsProtocol";
    private static final String ACCOUNT_NAME = "AccountName";
    private static final String ACCOUNT_KEY = "AccountKey";
    private static final String SAS = "SharedAccessSignature";
    private static final String SUFFIX = "EndpointSuffix";
    private static final String BLOB_ENDPOINT = "BlobEndpoint";
    private static final String DEVELOPMENT = "UseDevelopmentStorage";
    private static final String CONTAINER = "Container";
    private static final Pattern ACCOUNT = Pattern.compile("[a-z0-9]{3,24}");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    /** Azurite's endpoint and account for {@code UseDevelopmentStorage=true}, as the Azure SDKs define it. */
    private static final String DEVELOPMENT_ENDPOINT = "http://127.0.0.1:10000/devstoreaccount1";
    /** The development account's well-known key: public, documented by Microsoft, no secret. */
    private static final String DEVELOPMENT_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private PortalConnectionString() {
    }

    /** The same location and credential written as ADX writes them. */
    static String toAdxForm(StorageLiteral literal, String raw) {
        Map<String, String> values = values(literal, raw);
        String serviceUrl = serviceUrl(literal, values);
        String key = values.get(ACCOUNT_KEY);
        String sas = values.get(SAS);
        if (key != null && sas != null) {
            throw ConnectionStrings.invalid(literal, "gives both AccountKey and SharedAccessSignature: keep one");
        }
        if (key == null && sas == null && "true".equalsIgnoreCase(values.get(DEVELOPMENT))) {
            key = DEVELOPMENT_KEY;
        }
        if (key == null && sas == null) {
            throw ConnectionStrings.invalid(literal, "has no credential: add AccountKey=<key> or"
                    + " SharedAccessSignature=<SAS>");
        }
        String credential = key != null ? ";" + key : "?" + (sas.startsWith("?") ? sas.substring(1) : sas);
        String container = values.getOrDefault(CONTAINER, "").replaceAll("^/+|/+$", "");
        if (container.isEmpty()) {
            throw ConnectionStrings.invalid(literal, "names no container: add ;Container=<container>[/<folder>],"
                    + " or write it as ADX does: " + serviceUrl + "/<container>" + (key != null ? ";****" : "?****"));
        }
        return serviceUrl + "/" + container + credential;
    }

    private static Map<String, String> values(StorageLiteral literal, String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        String[] parts = raw.split(";");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.isEmpty()) {
                continue;
            }
            int equals = part.indexOf('=');
            // The part itself is never quoted: a key pasted without its name would be shown.
            String key = equals <= 0 ? null : Redaction.canonicalPortalKey(part.substring(0, equals));
            if (key == null) {
                throw ConnectionStrings.invalid(literal, "has a part (number " + (i + 1) + ") that is not"
                        + " <name>=<value> with one of the names " + String.join(", ", Redaction.PORTAL_KEYS));
            }
            if (values.put(key, part.substring(equals + 1).strip()) != null) {
                throw ConnectionStrings.invalid(literal, "gives " + key + " twice");
            }
        }
        return values;
    }

    /** The account's blob service endpoint, from BlobEndpoint, UseDevelopmentStorage or name and suffix. */
    private static String serviceUrl(StorageLiteral literal, Map<String, String> values) {
        String development = values.get(DEVELOPMENT);
        if (development != null) {
            if (!development.equalsIgnoreCase("true")) {
                throw ConnectionStrings.invalid(literal, "has UseDevelopmentStorage=" + development
                        + " (only true means anything)");
            }
            return DEVELOPMENT_ENDPOINT;
        }
        String endpoint = values.get(BLOB_ENDPOINT);
        if (endpoint != null) {
            if (!Redaction.isPlainHttpUrl(endpoint)) {
                throw ConnectionStrings.invalid(literal, "has a BlobEndpoint that is not an http(s) URL with a host"
                        + " and no user, query or fragment");
            }
            return endpoint.replaceAll("/+$", "");
        }
        String account = values.get(ACCOUNT_NAME);
        if (account == null) {
            throw ConnectionStrings.invalid(literal, "names no AccountName (or BlobEndpoint)");
        }
        if (!ACCOUNT.matcher(account).matches()) {
            throw ConnectionStrings.invalid(literal, "has an invalid AccountName '" + account + "' (3-24 lowercase"
                    + " letters and digits)");
        }
        String protocol = values.getOrDefault(PROTOCOL, "https").toLowerCase(Locale.ROOT);
        if (!protocol.equals("https") && !protocol.equals("http")) {
            throw ConnectionStrings.invalid(literal, "has DefaultEndpointsProtocol=" + protocol
                    + " (expected https or http)");
        }
        String suffix = values.getOrDefault(SUFFIX, "core.windows.net");
        if (!HOST_NAME.matcher(suffix).matches()) {
            throw ConnectionStrings.invalid(literal, "has an invalid EndpointSuffix '" + suffix
                    + "' (expected a host name such as core.windows.net)");
        }
        return protocol + "://" + account + ".blob." + suffix;
    }
}
