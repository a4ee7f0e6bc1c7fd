package io.github.camelkusto.export.storage;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.github.camelkusto.export.command.Redaction;
import io.github.camelkusto.export.command.StorageLiteral;

/**
 * Parses storage connection strings as ADX's {@code .export} accepts them:
 * <ul>
 * <li>{@code https://<account>.blob.core.windows.net/<container>[/path]} followed by {@code ;<account key>},
 * {@code ?<SAS>}, {@code ;managed_identity=system|<client id>}, {@code ;impersonate} or {@code ;token=<bearer>}</li>
 * <li>ADLS Gen2: {@code abfss://<fs>@<account>.dfs.core.windows.net/[path];sharedkey=<key>} (or another credential
 * above) and {@code https://<account>.dfs.core.windows.net/<fs>/[path];...}, written through the account's blob
 * endpoint</li>
 * <li>emulator and custom endpoints, path-style: {@code http://127.0.0.1:10000/<account>/<container>;<key>}</li>
 * <li>a local folder: {@code file:///abs/path} or a plain path</li>
 * </ul>
 * Anything else is refused, before any query runs, with a message that names the supported forms and shows the
 * connection string with its secret masked.
 */
public final class ConnectionStrings {
    static final String SUPPORTED = "supported: https://<account>.blob.core.windows.net/<container>[/path] with"
            + " ;<key>, ?<SAS>, ;managed_identity=..., ;impersonate or ;token=...;"
            + " abfss://<fs>@<account>.dfs.core.windows.net/[path];sharedkey=<key>;"
            + " an emulator endpoint such as http://127.0.0.1:10000/<account>/<container>;<key>;"
            + " file:///<folder> or a local folder path";
    private static final List<String> HOST_STYLE_SUFFIXES = List.of(".blob.core.windows.net",
            ".blob.core.chinacloudapi.cn", ".blob.core.usgovcloudapi.net", ".blob.storage.azure.net");
    private static final Pattern CONTAINER = Pattern.compile("[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]|\\$root");
    private static final String DFS_SUFFIX = ".dfs.core.windows.net";
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://");

    private ConnectionStrings() {
    }

    public static StorageLocation parse(StorageLiteral literal) {
        String raw = literal.value().strip();
        var scheme = SCHEME.matcher(raw);
        if (!scheme.find()) {
            if (raw.isEmpty()) {
                throw error(literal, literal.where() + " is empty (" + SUPPORTED + ")");
            }
            return localFolder(literal, raw);
        }
        return switch (scheme.group(1).toLowerCase(Locale.ROOT)) {
            case "file" -> localFolder(literal, raw);
            case "http", "https" -> blob(literal, raw);
            case "abfss" -> adlsGen2(literal, raw);
            default -> throw unsupported(literal, "uses the unsupported scheme '" + scheme.group(1) + "'");
        };
    }

    /** The connection string safe to show, as {@link Redaction#connectionString(String)} masks it. */
    public static String mask(String raw) {
        return Redaction.connectionString(raw);
    }

    /** A plain path or a {@code file:} URL. */
    private static LocalFolderLocation localFolder(StorageLiteral literal, String raw) {
        boolean url = raw.regionMatches(true, 0, "file:", 0, "file:".length());
        try {
            return new LocalFolderLocation(url ? Path.of(new URI(raw)) : Path.of(raw));
        } catch (InvalidPathException e) {
            throw invalid(literal, "is not a valid local folder path: " + e.getReason());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw invalid(literal, "is not a valid file URL (expected file:///absolute/path)");
        }
    }

    private static BlobLocation blob(StorageLiteral literal, String raw) {
        int cut = firstOf(raw, ';', '?');
        BlobCredential credential = credential(literal, raw, cut);
        URI uri = uri(literal, cut < 0 ? raw : raw.substring(0, cut));
        if (uri.getRawUserInfo() != null) {
            // Azure storage authenticates by the credential after ';' or '?' only; a URL password would just
            // travel into every blob URL, path and message.
            throw invalid(literal, "has a user name or password before the host: Azure storage takes no user"
                    + " info in the URL; its credential follows ';' or '?'");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority();
        List<String> segments = segments(uri.getPath());
        if (host.endsWith(DFS_SUFFIX)) {
            if (segments.isEmpty()) {
                throw invalid(literal, "names no file system (expected " + origin + "/<file system>)");
            }
            return adls(literal, host, segments.remove(0), segments, credential);
        }
        boolean hostStyle = HOST_STYLE_SUFFIXES.stream().anyMatch(host::endsWith);
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
        return new BlobLocation(BlobLocation.Kind.BLOB, serviceUrl, account, checkContainer(literal, container),
                prefix(segments), credential);
    }

    /** {@code abfss://<fs>@<account>.dfs.core.windows.net/[path];<credential>}. */
    private static BlobLocation adlsGen2(StorageLiteral literal, String raw) {
        int cut = raw.indexOf(';');
        BlobCredential credential = credential(literal, raw, cut);
        URI uri = uri(literal, cut < 0 ? raw : raw.substring(0, cut));
        String fileSystem = uri.getRawUserInfo();
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (fileSystem == null || fileSystem.isEmpty()) {
            throw invalid(literal, "names no file system (expected abfss://<file system>@<account>"
                    + DFS_SUFFIX + "/[path])");
        }
        if (!host.endsWith(DFS_SUFFIX)) {
            throw invalid(literal, "is not an ADLS Gen2 endpoint (expected <account>" + DFS_SUFFIX + ")");
        }
        return adls(literal, host, fileSystem, segments(uri.getPath()), credential);
    }

    /** ADLS Gen2 accounts take blob writes on their blob endpoint: a file system is a container there. */
    private static BlobLocation adls(StorageLiteral literal, String dfsHost, String fileSystem, List<String> path,
            BlobCredential credential) {
        String account = dfsHost.substring(0, dfsHost.indexOf('.'));
        String blobHost = account + ".blob" + dfsHost.substring(dfsHost.indexOf(".dfs.") + ".dfs".length());
        return new BlobLocation(BlobLocation.Kind.ADLS_GEN2, "https://" + blobHost, account,
                checkContainer(literal, fileSystem), prefix(path), credential);
    }

    private static URI uri(StorageLiteral literal, String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(literal, "is not a valid URL");
        }
        if (uri.getHost() == null) {
            throw invalid(literal, "has no host");
        }
        return uri;
    }

    private static String checkContainer(StorageLiteral literal, String container) {
        if (!CONTAINER.matcher(container).matches()) {
            throw invalid(literal, "has an invalid container name '" + container + "' (3-63 characters: lowercase"
                    + " letters, digits and single hyphens, starting and ending with a letter or digit)");
        }
        return container;
    }

    private static String prefix(List<String> segments) {
        return segments.isEmpty() ? "" : String.join("/", segments) + "/";
    }

    /** The credential after the first ';' or '?' at {@code cut}. */
    private static BlobCredential credential(StorageLiteral literal, String raw, int cut) {
        String secret = cut < 0 ? "" : raw.substring(cut + 1).strip();
        if (secret.isEmpty()) {
            throw invalid(literal, "has no credential: append ;<account key>, ?<SAS>, ;managed_identity=system,"
                    + " ;impersonate or ;token=<bearer token>");
        }
        if (raw.charAt(cut) == '?') {
            return new BlobCredential.SharedAccessSignature(secret);
        }
        String[] nameValue = secret.split("=", 2);
        String name = nameValue[0].strip().toLowerCase(Locale.ROOT);
        String value = nameValue.length == 2 ? nameValue[1].strip() : "";
        if (name.equals("impersonate")) {
            if (nameValue.length == 2) {
                throw invalid(literal, "has ';impersonate' with a value: it takes none");
            }
            return new BlobCredential.Impersonate();
        }
        if (name.equals("managed_identity")) {
            if (value.isEmpty()) {
                throw invalid(literal, "has an empty managed_identity (write managed_identity=system or the client id"
                        + " of a user-assigned identity)");
            }
            return new BlobCredential.ManagedIdentity(value.equalsIgnoreCase("system") ? Optional.empty()
                    : Optional.of(value));
        }
        if (name.equals("token")) {
            if (value.isEmpty()) {
                throw invalid(literal, "has an empty token");
            }
            return new BlobCredential.BearerToken(value);
        }
        String key = name.equals("sharedkey") ? value : secret;
        try {
            if (key.isEmpty() || Base64.getDecoder().decode(key).length == 0) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw invalid(literal, "has an account key that is not valid base64");
        }
        return new BlobCredential.AccountKey(key);
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
        return error(literal, literal.where() + " (" + mask(literal.value().strip()) + ") " + problem);
    }

    private static StorageException unsupported(StorageLiteral literal, String problem) {
        return error(literal, literal.where() + " (" + mask(literal.value().strip()) + ") " + problem + " ("
                + SUPPORTED + ")");
    }

    /** The message, then the line of the command with a caret under the connection string, as parse errors show. */
    private static StorageException error(StorageLiteral literal, String message) {
        return new StorageException(literal.excerpt().isEmpty() ? message : message + "\n" + literal.excerpt());
    }
}
