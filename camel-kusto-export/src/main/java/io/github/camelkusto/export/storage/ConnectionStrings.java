package io.github.camelkusto.export.storage;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.github.camelkusto.export.command.StorageLiteral;

/**
 * Parses storage connection strings as ADX's {@code .export} accepts them:
 * <ul>
 * <li>{@code https://<account>.blob.core.windows.net/<container>[/path];<account key>} or {@code ...?<SAS>}</li>
 * <li>emulator and custom endpoints, path-style: {@code http://127.0.0.1:10000/<account>/<container>;<key>}</li>
 * <li>a local folder: {@code file:///abs/path} or a plain path</li>
 * </ul>
 * Anything else is refused, before any query runs, with a message that names the supported forms and shows the
 * connection string with its secret masked.
 */
public final class ConnectionStrings {
    static final String SUPPORTED = "supported: https://<account>.blob.core.windows.net/<container>[/path];<key>"
            + " or ?<SAS>, an emulator endpoint such as http://127.0.0.1:10000/<account>/<container>;<key>,"
            + " file:///<folder> or a local folder path";
    private static final List<String> HOST_STYLE_SUFFIXES = List.of(".blob.core.windows.net",
            ".blob.core.chinacloudapi.cn", ".blob.core.usgovcloudapi.net", ".blob.storage.azure.net");
    private static final Pattern CONTAINER = Pattern.compile("[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]|\\$root");
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://");

    private ConnectionStrings() {
    }

    public static StorageLocation parse(StorageLiteral literal) {
        String raw = literal.value().strip();
        var scheme = SCHEME.matcher(raw);
        if (!scheme.find()) {
            if (raw.isEmpty()) {
                throw new StorageException(literal.where() + " is empty (" + SUPPORTED + ")");
            }
            return new LocalFolderLocation(Path.of(raw));
        }
        return switch (scheme.group(1).toLowerCase(Locale.ROOT)) {
            case "file" -> localFolder(literal, raw);
            case "http", "https" -> blob(literal, raw);
            default -> throw unsupported(literal, "uses the unsupported scheme '" + scheme.group(1) + "'");
        };
    }

    /** The connection string with everything after the first ';' or '?' (keys, SAS) replaced by ****. */
    public static String mask(String raw) {
        int cut = firstOf(raw, ';', '?');
        return cut < 0 ? raw : raw.substring(0, cut + 1) + "****";
    }

    private static LocalFolderLocation localFolder(StorageLiteral literal, String raw) {
        try {
            return new LocalFolderLocation(Path.of(new URI(raw)));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw invalid(literal, "is not a valid file URL (expected file:///absolute/path)");
        }
    }

    private static BlobLocation blob(StorageLiteral literal, String raw) {
        int cut = firstOf(raw, ';', '?');
        String url = cut < 0 ? raw : raw.substring(0, cut);
        BlobCredential credential = credential(literal, cut < 0 ? null : raw.charAt(cut), cut < 0 ? "" : raw.substring(cut + 1));
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(literal, "is not a valid URL");
        }
        if (uri.getHost() == null) {
            throw invalid(literal, "has no host");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority();
        List<String> segments = segments(uri.getPath());
        boolean hostStyle = HOST_STYLE_SUFFIXES.stream().anyMatch(host::endsWith);
        if (!hostStyle && host.endsWith(".dfs.core.windows.net")) {
            throw unsupported(literal, "points at ADLS Gen2 (dfs), which is not supported yet");
        }
        String account;
        String serviceUrl;
        if (hostStyle) {
            account = host.substring(0, host.indexOf('.'));
            serviceUrl = origin;
        } else {
            if (segments.isEmpty()) {
                throw invalid(literal, "names no storage account: an emulator or custom endpoint needs"
                        + " http://<host>:<port>/<account>/<container>");
            }
            account = segments.remove(0);
            serviceUrl = origin + "/" + account;
        }
        if (segments.isEmpty()) {
            throw invalid(literal, "names no container (expected " + serviceUrl + "/<container>)");
        }
        String container = segments.remove(0);
        if (!CONTAINER.matcher(container).matches()) {
            throw invalid(literal, "has an invalid container name '" + container + "' (3-63 characters: lowercase"
                    + " letters, digits and single hyphens, starting and ending with a letter or digit)");
        }
        String prefix = segments.isEmpty() ? "" : String.join("/", segments) + "/";
        return new BlobLocation(serviceUrl, account, container, prefix, credential);
    }

    private static BlobCredential credential(StorageLiteral literal, Character separator, String secret) {
        if (separator == null || secret.isBlank()) {
            throw invalid(literal, "has no credential: append ;<account key> or ?<SAS token>");
        }
        if (separator == '?') {
            return new BlobCredential.SharedAccessSignature(secret);
        }
        String lower = secret.toLowerCase(Locale.ROOT);
        if (lower.startsWith("managed_identity=") || lower.equals("impersonate") || lower.startsWith("token=")) {
            throw invalid(literal, "uses '" + secret.split("=", 2)[0] + "' authentication, which is not supported"
                    + " yet (use an account key or a SAS)");
        }
        try {
            Base64.getDecoder().decode(secret.strip());
        } catch (IllegalArgumentException e) {
            throw invalid(literal, "has an account key that is not valid base64");
        }
        return new BlobCredential.AccountKey(secret.strip());
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String s : (path == null ? "" : path).split("/")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        return segments;
    }

    private static int firstOf(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    private static StorageException invalid(StorageLiteral literal, String problem) {
        return new StorageException(literal.where() + " (" + mask(literal.value().strip()) + ") " + problem);
    }

    private static StorageException unsupported(StorageLiteral literal, String problem) {
        return new StorageException(invalid(literal, problem).getMessage() + " (" + SUPPORTED + ")");
    }
}
