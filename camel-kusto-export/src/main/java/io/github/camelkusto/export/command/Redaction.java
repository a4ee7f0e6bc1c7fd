package io.github.camelkusto.export.command;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelkusto.kql.Printable;

/**
 * The one place secrets are masked as {@code ****}: connection strings shown in messages, endpoint URIs, operation
 * statuses and the operations journal all go through here.
 * <p>
 * A connection string's secrets are the password of a URL's user info ({@code http://user:****@host}) and
 * everything after the first {@code ;} or {@code ?} (account key, SAS, token). Free text (an exception message
 * from a lower layer) additionally has every known connection string masked, and every URL password,
 * SAS signature and {@code key=value} credential it may quote on its own. A connection string in the Azure
 * portal's form ({@code AccountName=...;AccountKey=...}) shows only the values of its keys that are never
 * secret; every other value, and any part that is not one of its keys, is masked.
 */
public final class Redaction {
    public static final String MASK = "****";

    /** {@code scheme://user:password@}: the password, up to the last '@' of the authority. */
    private static final Pattern URL_PASSWORD = Pattern.compile(
            "(?i)(\\b[a-z][a-z0-9+.-]*://[^/?#@:\\s\"'<>]*:)[^/?#\\s\"'<>]*@");
    /** Credentials as {@code name=value}: a SAS signature, an account key, a token. */
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)\\b(sig|accountkey|sharedkey|sharedaccesssignature|token|password|pwd)=[^&;\\s\"'<>)]+");

    private Redaction() {
    }

    /** A string literal of a command, quoted with ' or " (also URI-encoded, as in an endpoint URI). */
    private static final Pattern QUOTED = Pattern.compile("('|\"|%22|%27)(.*?)\\1", Pattern.CASE_INSENSITIVE);
    /** Where a URL's credential starts: ';' or '?', also URI-encoded. */
    private static final Pattern SECRET_START = Pattern.compile("[;?]|%3[bBfF]");
    /**
     * Where a credential may start in a text that is not a URL (the portal's {@code AccountKey=...;...} form, in
     * any order of its keys): also the first '='.
     */
    private static final Pattern SECRET_OR_VALUE_START = Pattern.compile("[;?=]|%3[bBfFdD]");
    private static final Pattern URL_START = Pattern.compile("^\\s*[A-Za-z][A-Za-z0-9+.-]*://");
    /** The keys of the Azure portal's (and the Azure SDKs') storage connection strings, and this project's Container. */
    public static final List<String> PORTAL_KEYS = List.of("DefaultEndpointsProtocol", "AccountName", "AccountKey",
            "SharedAccessSignature", "EndpointSuffix", "BlobEndpoint", "UseDevelopmentStorage", "Container",
            "QueueEndpoint", "TableEndpoint", "FileEndpoint");
    /** Portal keys whose values are never secret; an endpoint's too when it is a plain http(s) URL. */
    private static final List<String> PORTAL_SHOWN = List.of("DefaultEndpointsProtocol", "AccountName",
            "EndpointSuffix", "UseDevelopmentStorage", "Container");

    /**
     * One connection string, safe to show, controls escaped: in the portal's form, the values of its never-secret
     * keys only; otherwise its URL password and what follows ';' or '?' (or their URI encodings) masked, and in a
     * text that is not a URL, also what follows the first '='.
     */
    public static String connectionString(String raw) {
        if (portalKey(raw) != null) {
            return Printable.escapeControls(portal(raw));
        }
        String withoutPassword = URL_PASSWORD.matcher(raw).replaceAll("$1" + MASK + "@");
        Matcher cut = (URL_START.matcher(withoutPassword).find() ? SECRET_START : SECRET_OR_VALUE_START)
                .matcher(withoutPassword);
        return Printable.escapeControls(cut.find() ? withoutPassword.substring(0, cut.end()) + MASK
                : withoutPassword);
    }

    /**
     * The portal key the text starts with ({@code <key>=}, any case), as the portal spells it; null when it does
     * not start with one.
     */
    public static String portalKey(String raw) {
        String text = raw.strip();
        int semicolon = text.indexOf(';');
        String first = semicolon < 0 ? text : text.substring(0, semicolon);
        int equals = first.indexOf('=');
        return equals > 0 ? canonicalPortalKey(first.substring(0, equals)) : null;
    }

    /** {@code key} as the portal spells it, whatever its case; null when it is not one of {@link #PORTAL_KEYS}. */
    public static String canonicalPortalKey(String key) {
        String k = key.strip().toLowerCase(Locale.ROOT);
        return PORTAL_KEYS.stream().filter(known -> known.toLowerCase(Locale.ROOT).equals(k)).findFirst()
                .orElse(null);
    }

    /** A portal-form string with the values of its secret keys (and any part that is not a key) masked. */
    private static String portal(String raw) {
        StringJoiner masked = new StringJoiner(";");
        for (String part : raw.split(";", -1)) {
            int equals = part.indexOf('=');
            String key = equals < 0 ? null : canonicalPortalKey(part.substring(0, equals));
            String value = equals < 0 ? "" : part.substring(equals + 1);
            if (part.isBlank()) {
                masked.add(part);
            } else if (key == null) {
                masked.add(MASK);
            } else if (PORTAL_SHOWN.contains(key) || key.equals("BlobEndpoint") && isPlainHttpUrl(value)) {
                masked.add(part);
            } else {
                masked.add(part.substring(0, equals + 1) + MASK);
            }
        }
        return masked.toString();
    }

    /** Whether {@code url} is an http(s) URL with a host and no user info, query or fragment (no credential in it). */
    public static boolean isPlainHttpUrl(String url) {
        try {
            URI uri = new URI(url.strip());
            return uri.getScheme() != null && uri.getScheme().toLowerCase(Locale.ROOT).matches("https?")
                    && uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawQuery() == null
                    && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * A command (possibly URI-encoded, as the query option of an endpoint URI) with every string literal masked
     * as a connection string: the literals of a {@code .export} are connection strings.
     */
    public static String literals(String command) {
        return text(QUOTED.matcher(command).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + connectionString(m.group(2)) + m.group(1))));
    }

    /** Free text with no secret a pattern can recognise: URL passwords, SAS signatures, key=value credentials. */
    public static String text(String text) {
        if (text.indexOf('=') < 0 && !text.contains("://")) {
            return text; // both patterns need one of them: the common status line costs no regex
        }
        String masked = URL_PASSWORD.matcher(text).replaceAll("$1" + MASK + "@");
        return KEY_VALUE.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(
                m.group().substring(0, m.group(1).length() + 1) + MASK));
    }

    /**
     * Free text that may quote any of {@code connectionStrings} (whole, or just their secret part, or their URL
     * password): each masked, then {@link #text(String)}.
     */
    public static String text(String text, Collection<String> connectionStrings) {
        String masked = text;
        for (String connectionString : connectionStrings) {
            String raw = connectionString.strip();
            masked = masked.replace(raw, connectionString(raw));
            for (String secret : secretsOf(raw)) {
                masked = masked.replace(secret, MASK);
            }
        }
        return text(masked);
    }

    /** The parts of a connection string that are secret on their own: after ';' or '?', and the URL password. */
    private static List<String> secretsOf(String raw) {
        List<String> secrets = new ArrayList<>();
        int cut = firstOf(raw, ';', '?');
        if (cut >= 0 && cut + 1 < raw.length()) {
            secrets.add(raw.substring(cut + 1));
        }
        Matcher password = URL_PASSWORD.matcher(cut < 0 ? raw : raw.substring(0, cut));
        if (password.find()) {
            String value = password.group().substring(password.group(1).length(), password.group().length() - 1);
            if (!value.isEmpty()) {
                secrets.add(value);
            }
        }
        return secrets;
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
