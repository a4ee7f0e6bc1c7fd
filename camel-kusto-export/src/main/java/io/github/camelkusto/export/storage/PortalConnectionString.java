package io.github.camelkusto.export.storage;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

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
    /** The keys understood; the endpoints of other services, which the portal's SAS strings list, are ignored. */
    private static final List<String> KEYS = List.of(PROTOCOL, ACCOUNT_NAME, ACCOUNT_KEY, SAS, SUFFIX,
            BLOB_ENDPOINT, DEVELOPMENT, CONTAINER, "QueueEndpoint", "TableEndpoint", "FileEndpoint");
    /** Keys whose values are never secret and may be shown in messages. */
    private static final List<String> SHOWN = List.of(PROTOCOL, ACCOUNT_NAME, SUFFIX, DEVELOPMENT, CONTAINER);
    private static final Pattern ACCOUNT = Pattern.compile("[a-z0-9]{3,24}");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    /** Azurite's endpoint and account for {@code UseDevelopmentStorage=true}, as the Azure SDKs define it. */
    private static final String DEVELOPMENT_ENDPOINT = "http://127.0.0.1:10000/devstoreaccount1";
    /** The development account's well-known key: public, documented by Microsoft, no secret. */
    private static final String DEVELOPMENT_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private PortalConnectionString() {
    }

    /** Whether the text starts as the portal's strings do: {@code <one of its keys>=}. */
    static boolean looksLikeOne(String raw) {
        int semicolon = raw.indexOf(';');
        String first = semicolon < 0 ? raw : raw.substring(0, semicolon);
        int equals = first.indexOf('=');
        return equals > 0 && canonical(first.substring(0, equals)) != null;
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

    /**
     * The text with the values of its secret keys (and of any part that is not a known key) shown as
     * {@code ****}.
     */
    static String mask(String raw) {
        StringJoiner masked = new StringJoiner(";");
        for (String part : raw.split(";", -1)) {
            int equals = part.indexOf('=');
            String key = equals < 0 ? null : canonical(part.substring(0, equals));
            if (part.isBlank()) {
                masked.add(part);
            } else if (key == null) {
                masked.add("****");
            } else if (SHOWN.contains(key) || key.equals(BLOB_ENDPOINT) && plainUrl(part.substring(equals + 1))) {
                masked.add(part);
            } else {
                masked.add(part.substring(0, equals + 1) + "****");
            }
        }
        return masked.toString();
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
            String key = equals <= 0 ? null : canonical(part.substring(0, equals));
            if (key == null) {
                throw ConnectionStrings.invalid(literal, "has a part (number " + (i + 1) + ") that is not"
                        + " <name>=<value> with one of the names " + String.join(", ", KEYS));
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
            if (!plainUrl(endpoint)) {
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

    private static boolean plainUrl(String url) {
        try {
            URI uri = new URI(url.strip());
            return uri.getScheme() != null && uri.getScheme().toLowerCase(Locale.ROOT).matches("https?")
                    && uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawQuery() == null
                    && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The key as the portal spells it, whatever its case; null when it is not one. */
    private static String canonical(String key) {
        String k = key.strip();
        return KEYS.stream().filter(known -> known.equalsIgnoreCase(k)).findFirst().orElse(null);
    }
}
