package io.github.camelkusto.kql.functions.builtin;

import static io.github.camelkusto.kql.types.KqlType.DYNAMIC;
import static io.github.camelkusto.kql.types.KqlType.GUID;
import static io.github.camelkusto.kql.types.KqlType.STRING;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkusto.kql.functions.FunctionLibrary;
import io.github.camelkusto.kql.functions.FunctionRegistry;
import io.github.camelkusto.kql.functions.Overloads;
import io.github.camelkusto.kql.functions.RowWise;
import io.github.camelkusto.kql.types.KqlValues;

/**
 * base64 and URL functions: base64_encode_tostring / base64_decode_tostring (UTF-8 text; a decoding that is not
 * valid UTF-8 or not base64 gives null, shown as an empty string), base64_encode_fromguid / base64_decode_toguid
 * (the guid's 16 bytes in .NET's order: the first three fields little-endian), base64_encode_fromarray /
 * base64_decode_toarray (arrays of byte values), url_encode (.NET's HttpUtility.UrlEncode: lower-case hex,
 * {@code -_.!*()} kept, a space as {@code +}), url_encode_component (the same with a space as {@code %20}),
 * url_decode, parse_url and parse_urlquery (a bag of the URL's parts, query parameters as a bag). Base64 text
 * must be padded to a multiple of 4 characters, as .NET's decoder (which ADX uses) requires.
 */
public final class EncodingFunctions implements FunctionLibrary {

    @Override
    public void registerInto(FunctionRegistry registry) {
        for (String name : new String[] {"base64_encode_tostring", "base64_encodestring"}) {
            registry.register(Overloads.of(name).add(STRING, RowWise.of(STRING, s -> Base64.getEncoder()
                    .encodeToString(((String) s).getBytes(StandardCharsets.UTF_8))), STRING));
        }
        for (String name : new String[] {"base64_decode_tostring", "base64_decodestring"}) {
            registry.register(Overloads.of(name).add(STRING, RowWise.of(STRING, s -> utf8(decode((String) s))),
                    STRING));
        }
        registry.register(Overloads.of("base64_encode_fromguid").add(STRING, RowWise.of(STRING,
                g -> Base64.getEncoder().encodeToString(guidBytes((UUID) g))), GUID));
        registry.register(Overloads.of("base64_decode_toguid").add(GUID, RowWise.of(GUID,
                s -> guidOf(decode((String) s))), STRING));
        registry.register(Overloads.of("base64_encode_fromarray").add(STRING, RowWise.of(STRING,
                a -> fromArray((JsonNode) a)), DYNAMIC));
        registry.register(Overloads.of("base64_decode_toarray").add(DYNAMIC, RowWise.of(DYNAMIC,
                s -> toArray(decode((String) s))), STRING));
        registry.register(Overloads.of("url_encode").add(STRING, RowWise.of(STRING,
                s -> urlEncode((String) s, "+")), STRING));
        registry.register(Overloads.of("url_encode_component").add(STRING, RowWise.of(STRING,
                s -> urlEncode((String) s, "%20")), STRING));
        registry.register(Overloads.of("url_decode").add(STRING, RowWise.of(STRING, s -> urlDecode((String) s)),
                STRING));
        for (String name : new String[] {"parse_url", "parseurl"}) {
            registry.register(Overloads.of(name).add(DYNAMIC, RowWise.of(DYNAMIC, s -> parseUrl((String) s)),
                    STRING));
        }
        for (String name : new String[] {"parse_urlquery", "parseurlquery"}) {
            registry.register(Overloads.of(name).add(DYNAMIC, RowWise.of(DYNAMIC, s -> {
                ObjectNode out = KqlValues.NODES.objectNode();
                out.set("Query Parameters", queryParameters(stripQuestionMark((String) s)));
                return out;
            }), STRING));
        }
    }

    /** The bytes of a base64 text, or null when it is not base64. */
    private static byte[] decode(String text) {
        String trimmed = text.trim();
        if (trimmed.length() % 4 != 0) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String utf8(byte[] bytes) {
        if (bytes == null) {
            return "";
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return ""; // Kusto: decoding what was not UTF-8 gives null
        }
    }

    /** A guid's bytes as .NET's Guid.ToByteArray lays them out. */
    private static byte[] guidBytes(UUID guid) {
        ByteBuffer big = ByteBuffer.allocate(16).putLong(guid.getMostSignificantBits())
                .putLong(guid.getLeastSignificantBits());
        byte[] b = big.array();
        ByteBuffer out = ByteBuffer.allocate(16);
        out.order(ByteOrder.LITTLE_ENDIAN).putInt(ByteBuffer.wrap(b, 0, 4).getInt())
                .putShort(ByteBuffer.wrap(b, 4, 2).getShort()).putShort(ByteBuffer.wrap(b, 6, 2).getShort());
        out.put(b, 8, 8);
        return out.array();
    }

    private static UUID guidOf(byte[] bytes) {
        if (bytes == null || bytes.length != 16) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int a = in.getInt();
        short b = in.getShort();
        short c = in.getShort();
        ByteBuffer big = ByteBuffer.allocate(16).putInt(a).putShort(b).putShort(c).put(bytes, 8, 8);
        big.flip();
        return new UUID(big.getLong(), big.getLong());
    }

    private static String fromArray(JsonNode array) {
        if (!array.isArray()) {
            return "";
        }
        byte[] bytes = new byte[array.size()];
        for (int i = 0; i < bytes.length; i++) {
            JsonNode v = array.get(i);
            if (!v.isIntegralNumber() || v.asLong() < 0 || v.asLong() > 255) {
                return ""; // not an array of byte values
            }
            bytes[i] = (byte) v.asLong();
        }
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static JsonNode toArray(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        ArrayNode out = KqlValues.NODES.arrayNode();
        for (byte b : bytes) {
            out.add(b & 0xff);
        }
        return out;
    }

    private static String urlEncode(String text, String space) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-_.!*()".indexOf(c) >= 0) {
                out.append(c);
            } else if (c == ' ') {
                out.append(space);
            } else {
                out.append('%').append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf,
                        16));
            }
        }
        return out.toString();
    }

    private static String urlDecode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return ""; // a broken %-escape: Kusto gives null
        }
    }

    /**
     * The parts of an absolute URL: Scheme, Host, Port, Path, Username, Password, Query Parameters, Fragment
     * (empty strings for parts it lacks); a text that is no absolute URL gives an empty bag.
     */
    private static JsonNode parseUrl(String text) {
        ObjectNode out = KqlValues.NODES.objectNode();
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            return out;
        }
        if (uri.getScheme() == null || uri.getRawAuthority() == null) {
            return out;
        }
        String userInfo = uri.getRawUserInfo();
        int colon = userInfo == null ? -1 : userInfo.indexOf(':');
        out.put("Scheme", uri.getScheme());
        out.put("Host", uri.getHost() == null ? "" : uri.getHost());
        out.put("Port", uri.getPort() < 0 ? "" : Integer.toString(uri.getPort()));
        out.put("Path", uri.getRawPath() == null ? "" : uri.getRawPath());
        out.put("Username", userInfo == null ? "" : colon < 0 ? userInfo : userInfo.substring(0, colon));
        out.put("Password", colon < 0 ? "" : userInfo.substring(colon + 1));
        out.set("Query Parameters", queryParameters(uri.getRawQuery()));
        out.put("Fragment", uri.getRawFragment() == null ? "" : uri.getRawFragment());
        return out;
    }

    private static String stripQuestionMark(String query) {
        return query.startsWith("?") ? query.substring(1) : query;
    }

    /** {@code k1=v1&k2=v2} as a bag of decoded keys and values (a key without '=' has an empty value). */
    private static ObjectNode queryParameters(String query) {
        ObjectNode out = KqlValues.NODES.objectNode();
        if (query == null || query.isEmpty()) {
            return out;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = urlDecode(eq < 0 ? pair : pair.substring(0, eq));
            out.put(key, eq < 0 ? "" : urlDecode(pair.substring(eq + 1)));
        }
        return out;
    }
}
