package io.github.camelkusto.export.lake;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelkusto.export.command.ExternalTableDefinition;
import io.github.camelkusto.export.command.ExternalTablePartition;
import io.github.camelkusto.export.command.PathFormat;
import io.github.camelkusto.kql.types.KqlType;

/**
 * How an external table's partition values make a folder, both ways: the folder of a row's values (an export),
 * and the values a folder holds (reading the table back, to prune). Folders are {@code name=value/...} (Hive
 * style) or what the table's path format says. String values are escaped so that a value never makes another
 * folder: '/', '\', '%', and control characters become {@code %XX}.
 */
final class PartitionLayout {
    /** The folder name of a null or empty partition value, as Hive writes it. */
    static final String NULL_VALUE = "__HIVE_DEFAULT_PARTITION__";
    private static final String DAY = "yyyy-MM-dd";
    private static final String INSTANT = "yyyy-MM-dd'T'HH:mm:ss'Z'";
    /** Datetime pattern letters, finest first, with the span one value of each stands for. */
    private static final String FIELDS = "smHhkdMy";
    private static final ChronoUnit[] UNITS = {ChronoUnit.SECONDS, ChronoUnit.MINUTES, ChronoUnit.HOURS,
        ChronoUnit.HOURS, ChronoUnit.HOURS, ChronoUnit.DAYS, ChronoUnit.MONTHS, ChronoUnit.YEARS};

    private final List<ExternalTablePartition> partitions;
    private final List<Element> elements;
    private final Pattern folders;
    /** Per element: a value that shares its folder with another of free length ("a-b-c" from Tenant "-" Region). */
    private final boolean[] ambiguous;

    /** A piece of the path: literal text, or partition {@code index}'s value (a datetime through a pattern). */
    private record Element(String literal, int index, String pattern, DateTimeFormatter datetime) {
    }

    PartitionLayout(ExternalTableDefinition table) {
        this.partitions = table.partitions();
        List<Element> path = new ArrayList<>();
        if (table.pathFormat().isDefault()) {
            for (int i = 0; i < partitions.size(); i++) {
                ExternalTablePartition p = partitions.get(i);
                path.add(new Element((i == 0 ? "" : "/") + p.name() + "=", -1, null, null));
                path.add(value(i, p.daily() ? DAY : INSTANT));
            }
        } else {
            for (PathFormat.Element e : table.pathFormat().elements()) {
                if (e instanceof PathFormat.Literal literal) {
                    path.add(new Element(literal.text(), -1, null, null));
                } else {
                    PathFormat.PartitionValue value = (PathFormat.PartitionValue) e;
                    int index = indexOf(partitions, value.partition());
                    path.add(value(index, value.datetimePattern()
                            .orElse(partitions.get(index).daily() ? DAY : INSTANT)));
                }
            }
        }
        this.elements = List.copyOf(path);
        StringBuilder regex = new StringBuilder("/*");
        for (Element e : elements) {
            regex.append(e.literal() != null ? literal(e.literal())
                    : "(" + (partitions.get(e.index()).type() == KqlType.DATETIME ? datetimeRegex(e.pattern())
                            : "[^/]+") + ")");
        }
        this.folders = Pattern.compile(regex.append("/*").toString());
        this.ambiguous = ambiguous(elements, partitions);
    }

    /**
     * The values whose folder name holds another value of free length: where one ends is a guess, so they are
     * not read back (their files are kept). A datetime's digits have a fixed length.
     */
    private static boolean[] ambiguous(List<Element> elements, List<ExternalTablePartition> partitions) {
        int[] segmentOf = new int[elements.size()];
        int segment = 0;
        for (int i = 0; i < elements.size(); i++) {
            Element e = elements.get(i);
            String text = e.literal() != null ? e.literal() : e.pattern();
            segmentOf[i] = segment;
            segment += text.contains("/") ? 1 : 0;
        }
        boolean[] free = new boolean[elements.size()];
        int[] freeIn = new int[segment + 1];
        for (int i = 0; i < elements.size(); i++) {
            Element e = elements.get(i);
            free[i] = e.literal() == null && (partitions.get(e.index()).type() != KqlType.DATETIME
                    || datetimeRegex(e.pattern()).contains("[^/]"));
            freeIn[segmentOf[i]] += free[i] ? 1 : 0;
        }
        boolean[] ambiguous = new boolean[elements.size()];
        for (int i = 0; i < elements.size(); i++) {
            ambiguous[i] = free[i] && freeIn[segmentOf[i]] > 1;
        }
        return ambiguous;
    }

    private static Element value(int index, String pattern) {
        return new Element(null, index, pattern, DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC));
    }

    private static int indexOf(List<ExternalTablePartition> partitions, String name) {
        for (int i = 0; i < partitions.size(); i++) {
            if (partitions.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("path format names an unknown partition " + name);
    }

    /** The folder of one row, given partition i's value; without leading or trailing '/' or empty segments. */
    String folder(IntFunction<Object> value) {
        StringBuilder path = new StringBuilder();
        for (Element e : elements) {
            path.append(e.literal() != null ? e.literal() : text(value.apply(e.index()), e.datetime()));
        }
        String folder = path.toString().replaceAll("/{2,}", "/");
        int start = folder.startsWith("/") ? 1 : 0;
        int end = folder.endsWith("/") && folder.length() > start ? folder.length() - 1 : folder.length();
        return folder.substring(start, Math.max(start, end));
    }

    private static String text(Object value, DateTimeFormatter datetime) {
        if (value == null) {
            return NULL_VALUE;
        }
        if (value instanceof Instant instant) {
            return datetime.format(instant); // a datetime pattern may make folders ("yyyy/MM/dd"): not escaped
        }
        String text = value.toString();
        return text.isEmpty() ? NULL_VALUE : escape(text);
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '\\' || c == '%' || c < 0x20 || c == 0x7f) {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The values a folder's rows have, per partition {@code {low, high}} (the same value twice, or the span a
     * coarse datetime pattern leaves: "yyyy/MM" holds a whole month); {@code {null, null}} where the folder does
     * not tell (a null value). Empty when the folder is not one of this layout's.
     */
    Optional<Object[][]> values(String folder) {
        Matcher m = folders.matcher(folder);
        if (partitions.isEmpty() || !m.matches()) {
            return Optional.empty();
        }
        Object[][] values = new Object[partitions.size()][2];
        int group = 0;
        for (int i = 0; i < elements.size(); i++) {
            Element e = elements.get(i);
            if (e.literal() == null) {
                String text = m.group(++group);
                values[e.index()] = intersection(values[e.index()],
                        ambiguous[i] ? new Object[2] : range(partitions.get(e.index()).type(), text, e));
            }
        }
        return Optional.of(values);
    }

    /** What two pieces of a folder say of one partition (a path format may write it twice, "yyyy" then "MM"). */
    private static Object[] intersection(Object[] known, Object[] range) {
        if (known[0] == null) {
            return range;
        }
        if (range[0] instanceof Instant low && range[1] instanceof Instant high
                && known[0] instanceof Instant knownLow && known[1] instanceof Instant knownHigh) {
            return new Object[] {low.isAfter(knownLow) ? low : knownLow, high.isBefore(knownHigh) ? high : knownHigh};
        }
        return known;
    }

    private static Object[] range(KqlType type, String text, Element e) {
        if (text.equals(NULL_VALUE)) {
            return new Object[2];
        }
        try {
            if (type == KqlType.DATETIME) {
                Instant low = parse(text, e.pattern());
                Instant high = low.atOffset(ZoneOffset.UTC).plus(1, finest(e.pattern())).toInstant().minusNanos(1);
                return new Object[] {low, high};
            }
            Object value = type == KqlType.LONG || type == KqlType.INT ? (Object) Long.parseLong(text)
                    : unescape(text);
            return new Object[] {value, value};
        } catch (DateTimeParseException | IllegalArgumentException | ArithmeticException unreadable) {
            return new Object[2]; // not written by an export: read it
        }
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()) {
                out.append((char) Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Instant parse(String text, String pattern) {
        DateTimeFormatter format = new DateTimeFormatterBuilder().appendPattern(pattern)
                .parseDefaulting(ChronoField.MONTH_OF_YEAR, 1).parseDefaulting(ChronoField.DAY_OF_MONTH, 1)
                .parseDefaulting(ChronoField.HOUR_OF_DAY, 0).parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
                .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0).toFormatter();
        return LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC);
    }

    /** The span one value of a pattern covers: its finest field's (a year for "yyyy", a second for "ss"). */
    private static ChronoUnit finest(String pattern) {
        String letters = unquoted(pattern);
        if (letters.indexOf('S') >= 0 || letters.indexOf('f') >= 0) {
            return ChronoUnit.MILLIS; // a fraction: finer than any partition an export writes
        }
        for (int i = 0; i < FIELDS.length(); i++) {
            if (letters.indexOf(FIELDS.charAt(i)) >= 0) {
                return UNITS[i];
            }
        }
        return ChronoUnit.FOREVER;
    }

    private static String unquoted(String pattern) {
        return pattern.replaceAll("'[^']*'", "");
    }

    /** Literal text of a path: each run of '/' as one or more (a folder never has empty segments). */
    private static String literal(String text) {
        StringBuilder regex = new StringBuilder();
        for (String piece : text.split("(?<=/)|(?=/)")) {
            regex.append(piece.equals("/") ? "/+" : Pattern.quote(piece));
        }
        return regex.toString().replace("/+/+", "/+");
    }

    /** What a datetime pattern writes: digits for its numeric fields, the literal text between them. */
    private static String datetimeRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                int close = pattern.indexOf('\'', i + 1);
                int end = close < 0 ? pattern.length() : close;
                regex.append(end > i + 1 ? Pattern.quote(pattern.substring(i + 1, end)) : "'");
                i = end + 1;
            } else if (Character.isLetter(c)) {
                int run = i;
                while (run < pattern.length() && pattern.charAt(run) == c) {
                    run++;
                }
                int n = run - i;
                regex.append("yMdHhkmsSf".indexOf(c) < 0 || c == 'M' && n >= 3 ? "[^/]+?"
                        : c == 'y' && n != 2 ? "\\d{4,}" : n == 1 ? "\\d{1,2}" : "\\d{" + n + "}");
                i = run;
            } else {
                regex.append(c == '/' ? "/+" : Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return regex.toString();
    }
}
