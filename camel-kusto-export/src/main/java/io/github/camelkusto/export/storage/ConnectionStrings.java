package io.github.camelkusto.export.storage;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.camelkusto.export.command.Redaction;
import io.github.camelkusto.export.command.StorageLiteral;

/**
 * Parses storage connection strings as ADX's {@code .export} accepts them:
 * <ul>
 * <li>{@code https://<account>.blob.core.windows.net/<container>[/path]} followed by {@code ;<account key>},
 * {@code ?<SAS>}, {@code ;managed_identity=system|<object id>|client_id:<id>|<resource id>}, {@code ;impersonate}
 * or {@code ;token=<bearer>}</li>
 * <li>ADLS Gen2: {@code abfss://<fs>@<account>.dfs.core.windows.net/[path];sharedkey=<key>} (or another credential
 * above) and {@code https://<account>.dfs.core.windows.net/<fs>/[path];...}, written through the account's blob
 * endpoint</li>
 * <li>OneLake: {@code https://onelake.blob.fabric.microsoft.com/<workspace>/<item>/Files/[path]}, the {@code dfs}
 * host, or {@code abfss://<workspace>@onelake.dfs.fabric.microsoft.com/<item>/Files/[path]}, with an Entra
 * credential</li>
 * <li>emulator and custom endpoints, path-style: {@code http://127.0.0.1:10000/<account>/<container>;<key>}</li>
 * <li>the Azure portal's {@code DefaultEndpointsProtocol=...;AccountName=...;AccountKey=...} with
 * {@code ;Container=<container>[/<folder>]} ({@link PortalConnectionString})</li>
 * <li>a local folder: {@code file:///abs/path}, an absolute path or a relative one ({@code out}, {@code ./out},
 * {@code ../out}); a text holding ';', '=' or '?' or starting with a scheme is never a local folder</li>
 * <li>any Camel endpoint: {@code camel:<endpoint uri>} ({@link CamelEndpointTarget})</li>
 * </ul>
 * The scheme is read first and decides everything else (one switch: a new scheme is added there). Anything else
 * is refused, before any query runs, with a message that names the supported forms and shows the connection string
 * with its secret masked.
 */
public final class ConnectionStrings {
    static final String SUPPORTED = "supported: https://<account>.blob.core.windows.net/<container>[/path] with"
            + " ;<key>, ?<SAS>, ;managed_identity=..., ;impersonate or ;token=...;"
            + " abfss://<fs>@<account>.dfs.core.windows.net/[path];sharedkey=<key>;"
            + " https://onelake.blob.fabric.microsoft.com/<workspace>/<item>/Files[/path];impersonate;"
            + " DefaultEndpointsProtocol=https;AccountName=<account>;AccountKey=<key>;Container=<container>;"
            + " an emulator endpoint such as http://127.0.0.1:10000/<account>/<container>;<key>;"
            + " file:///<folder>, /<folder> or ./<folder>";
    /** The clouds' storage domains: {@code <account>.<service>.<domain>}. */
    private static final List<String> AZURE_STORAGE_DOMAINS = List.of(".core.windows.net", ".core.chinacloudapi.cn",
            ".core.usgovcloudapi.net", ".storage.azure.net");
    private static final Pattern CONTAINER = Pattern.compile("[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]|\\$root");
    /** OneLake's hosts (also regional, {@code <region>-onelake...}); its workspaces play the part of containers. */
    private static final Pattern ONELAKE_HOST = Pattern.compile(
            "([a-z0-9-]+-)?onelake\\.(blob|dfs)\\.fabric\\.microsoft\\.com");
    /**
     * Object stores of other clouds, by host suffix: their https URLs are refused by name before anything else is
     * read (they would otherwise pass for a path-style emulator endpoint).
     */
    private static final Map<String, String> FOREIGN_HOSTS = foreignHosts();
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern RESOURCE_ID = Pattern.compile("/subscriptions/[^/]+/resourcegroups/[^/]+"
            + "/providers/microsoft\\.managedidentity/userassignedidentities/[^/]+", Pattern.CASE_INSENSITIVE);

    private ConnectionStrings() {
    }

    public static StorageLocation parse(StorageLiteral literal) {
        String raw = literal.value().strip();
        if (raw.isEmpty()) {
            throw error(literal, literal.where() + " is empty (" + SUPPORTED + ")");
        }
        var scheme = SCHEME.matcher(raw);
        if (scheme.lookingAt() && !isDrivePath(raw)) {
            return switch (scheme.group(1).toLowerCase(Locale.ROOT)) {
                case "file" -> localFolder(literal, raw);
                case "http", "https" -> blob(literal, raw);
                case "abfss" -> adlsGen2(literal, raw);
                case "camel" -> camelEndpoint(literal, raw);
                default -> throw unsupported(literal, "uses the unsupported scheme '" + scheme.group(1) + "'");
            };
        }
        if (Redaction.portalKey(raw) != null) {
            return blob(literal, PortalConnectionString.toAdxForm(literal, raw));
        }
        return localFolder(literal, raw);
    }

    /** {@code camel:<endpoint uri>}: the endpoint itself is resolved by the CamelContext (StorageTargets). */
    private static CamelEndpointLocation camelEndpoint(StorageLiteral literal, String raw) {
        String uri = raw.substring("camel:".length()).strip();
        if (uri.isEmpty() || !SCHEME.matcher(uri).lookingAt()) {
            throw error(literal, literal.where() + " (" + Redaction.connectionString(raw) + ") names no Camel endpoint: write"
                    + " camel:<endpoint uri>, such as camel:file:/data/out or camel:sftp://host/dir?username=u");
        }
        return new CamelEndpointLocation(uri);
    }

    /** A Windows path such as {@code C:\out} is not a one-letter scheme (on Windows only). */
    private static boolean isDrivePath(String raw) {
        if (raw.length() < 3 || raw.charAt(1) != ':' || raw.charAt(2) != '\\' && raw.charAt(2) != '/') {
            return false;
        }
        try {
            return Path.of(raw).isAbsolute();
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /**
     * A {@code file:} URL, or a plain path: absolute, or relative to the working directory ({@code out},
     * {@code ./out}, {@code ../out}). A text with ';', '=' or '?' is refused rather than taken for a folder
     * (a connection string that is not recognised must never become a folder named after its key), as is a
     * storage URL written without its scheme.
     */
    private static LocalFolderLocation localFolder(StorageLiteral literal, String raw) {
        boolean url = raw.regionMatches(true, 0, "file:", 0, "file:".length());
        if (!url && (raw.indexOf(';') >= 0 || raw.indexOf('=') >= 0 || raw.indexOf('?') >= 0)) {
            throw unsupported(literal, "is neither a supported connection string nor a local folder path (a path"
                    + " holds no ';', '=' or '?')");
        }
        String first = raw.split("[/\\\\]", 2)[0].toLowerCase(Locale.ROOT);
        if (!url && (storageService(first) != null || ONELAKE_HOST.matcher(first).matches())) {
            throw unsupported(literal, "looks like a storage URL without its scheme (write https://" + first
                    + "/...)");
        }
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
        URI uri = uri(literal, cut < 0 ? raw : raw.substring(0, cut));
        if (uri.getRawUserInfo() != null) {
            // Azure storage authenticates by the credential after ';' or '?' only; a URL password would just
            // travel into every blob URL, path and message.
            throw invalid(literal, "has a user name or password before the host: Azure storage takes no user"
                    + " info in the URL; its credential follows ';' or '?'");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        refuseForeignHost(literal, host);
        String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority();
        List<String> segments = segments(literal, uri.getPath());
        if (ONELAKE_HOST.matcher(host).matches()) {
            if (segments.isEmpty()) {
                throw invalid(literal, "names no workspace (expected " + origin + "/<workspace>/<item>/Files)");
            }
            return oneLake(literal, host, segments.remove(0), segments, credential(literal, raw, cut));
        }
        if ("dfs".equals(storageService(host))) {
            if (segments.isEmpty()) {
                throw invalid(literal, "names no file system (expected " + origin + "/<file system>)");
            }
            return adls(literal, host, segments.remove(0), segments, credential(literal, raw, cut));
        }
        boolean hostStyle = "blob".equals(storageService(host));
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
        String container = checkContainer(literal, segments.remove(0));
        return new BlobLocation(BlobLocation.Kind.BLOB, serviceUrl, account, container, prefix(segments),
                credential(literal, raw, cut));
    }

    /**
     * The Azure storage service of a host {@code <account>.<service>.<cloud domain>} ("blob", "dfs", "file",
     * ...), or null for any other host.
     */
    private static String storageService(String host) {
        for (String domain : AZURE_STORAGE_DOMAINS) {
            if (host.endsWith(domain)) {
                String[] labels = host.substring(0, host.length() - domain.length()).split("\\.");
                return labels.length == 2 && !labels[0].isEmpty() ? labels[1] : null;
            }
        }
        return null;
    }

    /** Other clouds' object stores and Azure's other storage services, refused by name. */
    private static void refuseForeignHost(StorageLiteral literal, String host) {
        for (var foreign : FOREIGN_HOSTS.entrySet()) {
            if (host.equals(foreign.getKey().substring(1)) || host.endsWith(foreign.getKey())) {
                throw unsupported(literal, "points at " + foreign.getValue() + " (" + host + "), which is not"
                        + " supported");
            }
        }
        String service = storageService(host);
        if (service != null && !service.equals("blob") && !service.equals("dfs")) {
            throw unsupported(literal, "points at Azure's '" + service + "' storage service (" + host + "): only"
                    + " blob and dfs (ADLS Gen2) endpoints are supported");
        }
    }

    private static Map<String, String> foreignHosts() {
        Map<String, String> hosts = new LinkedHashMap<>();
        hosts.put(".amazonaws.com", "Amazon S3");
        hosts.put(".storage.googleapis.com", "Google Cloud Storage");
        hosts.put(".r2.cloudflarestorage.com", "Cloudflare R2");
        hosts.put(".digitaloceanspaces.com", "DigitalOcean Spaces");
        hosts.put(".backblazeb2.com", "Backblaze B2");
        hosts.put(".wasabisys.com", "Wasabi");
        hosts.put(".aliyuncs.com", "Alibaba Cloud OSS");
        hosts.put(".azuredatalakestore.net", "Azure Data Lake Storage Gen1");
        return Collections.unmodifiableMap(hosts);
    }

    /** {@code abfss://<fs>@<account>.dfs.core.windows.net/[path];<credential>}, or a OneLake workspace. */
    private static BlobLocation adlsGen2(StorageLiteral literal, String raw) {
        int cut = raw.indexOf(';');
        URI uri = uri(literal, cut < 0 ? raw : raw.substring(0, cut));
        String fileSystem = uri.getUserInfo();
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean oneLake = ONELAKE_HOST.matcher(host).matches();
        if (!oneLake && !"dfs".equals(storageService(host))) {
            throw invalid(literal, "is not an ADLS Gen2 endpoint (expected <account>.dfs.core.windows.net or"
                    + " onelake.dfs.fabric.microsoft.com)");
        }
        if (fileSystem == null || fileSystem.isEmpty()) {
            throw invalid(literal, "names no " + (oneLake ? "workspace" : "file system") + " (expected abfss://<"
                    + (oneLake ? "workspace" : "file system") + ">@" + host + "/[path])");
        }
        List<String> path = segments(literal, uri.getPath());
        BlobCredential credential = credential(literal, raw, cut);
        return oneLake ? oneLake(literal, host, fileSystem, path, credential)
                : adls(literal, host, uri.getRawUserInfo(), path, credential);
    }

    /** ADLS Gen2 accounts take blob writes on their blob endpoint: a file system is a container there. */
    private static BlobLocation adls(StorageLiteral literal, String dfsHost, String fileSystem, List<String> path,
            BlobCredential credential) {
        String account = dfsHost.substring(0, dfsHost.indexOf('.'));
        String blobHost = account + ".blob" + dfsHost.substring(dfsHost.indexOf(".dfs.") + ".dfs".length());
        return new BlobLocation(BlobLocation.Kind.ADLS_GEN2, "https://" + blobHost, account,
                checkContainer(literal, fileSystem), prefix(path), credential);
    }

    /**
     * OneLake takes blob writes on its blob host, a workspace in the place of a container (a workspace name is not
     * held to container naming rules) and the item (lakehouse) first in the path. It takes Entra credentials (and
     * OneLake SAS), never an account key.
     */
    private static BlobLocation oneLake(StorageLiteral literal, String host, String workspace, List<String> path,
            BlobCredential credential) {
        if (path.isEmpty()) {
            throw invalid(literal, "names no item (expected .../<workspace>/<item>/Files[/path])");
        }
        if (workspace.isBlank() || workspace.chars().anyMatch(Character::isISOControl)) {
            throw invalid(literal, "has an invalid workspace name");
        }
        if (credential instanceof BlobCredential.AccountKey) {
            throw invalid(literal, "gives an account key, which OneLake does not take: use ;impersonate,"
                    + " ;managed_identity=... or ;token=...");
        }
        String blobHost = host.replace("onelake.dfs.", "onelake.blob.");
        return new BlobLocation(BlobLocation.Kind.ONELAKE, "https://" + blobHost, "onelake", workspace,
                prefix(path), credential);
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
            return managedIdentity(literal, value);
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

    /**
     * {@code system}, an object id (as ADX writes it, or {@code object_id:<id>}), {@code client_id:<id>}, or the
     * identity's Azure resource id.
     */
    private static BlobCredential.ManagedIdentity managedIdentity(StorageLiteral literal, String value) {
        if (value.equalsIgnoreCase("system")) {
            return BlobCredential.ManagedIdentity.SYSTEM;
        }
        if (value.startsWith("/")) {
            if (!RESOURCE_ID.matcher(value).matches()) {
                throw invalid(literal, "has a managed_identity resource id that is not /subscriptions/<id>"
                        + "/resourceGroups/<group>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>");
            }
            return new BlobCredential.ManagedIdentity(BlobCredential.IdentityId.RESOURCE_ID, value);
        }
        int colon = value.indexOf(':');
        String kind = colon < 0 ? "object_id" : value.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String id = value.substring(colon + 1).strip();
        BlobCredential.IdentityId by = switch (kind) {
            case "object_id" -> BlobCredential.IdentityId.OBJECT_ID;
            case "client_id" -> BlobCredential.IdentityId.CLIENT_ID;
            default -> null;
        };
        if (by == null || !GUID.matcher(id).matches()) {
            throw invalid(literal, "has a managed_identity that is none of system, <object id>, object_id:<object"
                    + " id>, client_id:<client id> (ids are GUIDs) or the identity's resource id");
        }
        return new BlobCredential.ManagedIdentity(by, id);
    }

    /** The segments of a URL path; '.' and '..' are refused, as in namePrefix (they would leave the folder). */
    private static List<String> segments(StorageLiteral literal, String path) {
        List<String> segments = new ArrayList<>();
        for (String s : (path == null ? "" : path).split("/")) {
            if (s.equals(".") || s.equals("..")) {
                throw invalid(literal, "has a '" + s + "' segment in its path (a folder is written without '.' and"
                        + " '..')");
            }
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

    static StorageException invalid(StorageLiteral literal, String problem) {
        return error(literal, literal.where() + " (" + Redaction.connectionString(literal.value().strip()) + ") " + problem);
    }

    private static StorageException unsupported(StorageLiteral literal, String problem) {
        return error(literal, literal.where() + " (" + Redaction.connectionString(literal.value().strip()) + ") " + problem + " ("
                + SUPPORTED + ")");
    }

    /** The message, then the line of the command with a caret under the connection string, as parse errors show. */
    private static StorageException error(StorageLiteral literal, String message) {
        return new StorageException(literal.excerpt().isEmpty() ? message : message + "\n" + literal.excerpt());
    }
}
