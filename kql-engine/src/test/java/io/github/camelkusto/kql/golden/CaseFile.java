package io.github.camelkusto.kql.golden;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code .kql-cases} file (format in {@code kql/cases/README.md}). Directives start a line:
 * {@code === title}, {@code table Name}, {@code query[: text]}, {@code expect [ordered]},
 * {@code error [at [line:]column]: text} (one or more: the message must contain each text),
 * {@code pending: reason}, {@code skip: reason}, and the comment {@code // source: url} citing where the case
 * comes from; the lines after {@code table},
 * {@code query} and {@code expect} up to the next directive are its block. Before the first case,
 * {@code table} and {@code pending} apply to every case of the file.
 */
final class CaseFile {
    private static final Pattern TITLE = Pattern.compile("===\\s+(.+?)\\s*");
    private static final Pattern TABLE = Pattern.compile("table\\s+([A-Za-z_][\\w]*)\\s*");
    private static final Pattern QUERY = Pattern.compile("query\\s*(?::\\s?(.*))?");
    private static final Pattern EXPECT = Pattern.compile("expect(\\s+ordered)?\\s*");
    private static final Pattern ERROR = Pattern.compile("error(?:\\s+at\\s+(?:(\\d+):)?(\\d+))?\\s*:\\s?(.*)");
    private static final Pattern PENDING = Pattern.compile("pending\\s*:\\s*(.+?)\\s*");
    private static final Pattern SKIP = Pattern.compile("skip\\s*:\\s*(.+?)\\s*");
    private static final Pattern SOURCE = Pattern.compile("//\\s*source\\s*:\\s*(\\S+)\\s*");

    private final String file;
    private final List<String> lines;
    private final Map<String, TableText> sharedTables = new LinkedHashMap<>();
    private String sharedPending;
    private final List<GoldenCase> cases = new ArrayList<>();

    // the case being read
    private String title;
    private int titleLine;
    private Map<String, TableText> tables;
    private StringBuilder query;
    private TableText expected;
    private boolean ordered;
    private List<String> errors;
    private int errorLine;
    private int errorColumn;
    private String pending;
    private String skip;
    private String source;

    private CaseFile(String file, String text) {
        this.file = file;
        this.lines = text.lines().toList();
    }

    static List<GoldenCase> parse(String file, String text) {
        CaseFile reader = new CaseFile(file, text);
        reader.read();
        return reader.cases;
    }

    private void read() {
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            int number = i + 1;
            i++;
            Matcher m;
            if ((m = SOURCE.matcher(line)).matches() && title != null) {
                source = m.group(1);
            } else if (line.isBlank() || line.startsWith("//")) {
                continue;
            } else if ((m = TITLE.matcher(line)).matches()) {
                finishCase();
                startCase(m.group(1), number);
            } else if ((m = PENDING.matcher(line)).matches()) {
                if (title == null) {
                    sharedPending = m.group(1);
                } else {
                    pending = m.group(1);
                }
            } else if ((m = SKIP.matcher(line)).matches() && title != null) {
                skip = m.group(1);
            } else if ((m = TABLE.matcher(line)).matches()) {
                List<String> block = block(i);
                i += block.size();
                TableText table = table(block, number);
                (title == null ? sharedTables : tables).put(m.group(1), table);
            } else if (title == null) {
                throw problem(number, "expected '=== title', 'table Name' or 'pending: reason' before the first case,"
                        + " found: " + line);
            } else if ((m = QUERY.matcher(line)).matches()) {
                if (query != null) {
                    throw problem(number, "a second query in case '" + title + "'");
                }
                query = new StringBuilder(m.group(1) == null ? "" : m.group(1));
                List<String> block = block(i);
                i += block.size();
                block.forEach(l -> query.append(query.length() == 0 ? "" : "\n").append(l));
            } else if ((m = EXPECT.matcher(line)).matches()) {
                List<String> block = block(i);
                i += block.size();
                expected = table(block, number);
                ordered = m.group(1) != null;
            } else if ((m = ERROR.matcher(line)).matches()) {
                errors.add(m.group(3).strip());
                if (m.group(2) != null) {
                    errorColumn = Integer.parseInt(m.group(2));
                    errorLine = m.group(1) == null ? 1 : Integer.parseInt(m.group(1));
                }
            } else {
                throw problem(number, "expected a directive (table, query, expect, error, pending, skip, ===), found: "
                        + line);
            }
        }
        finishCase();
    }

    /** The lines from {@code from} up to the next directive (blank lines included; readers skip them). */
    private List<String> block(int from) {
        int end = from;
        while (end < lines.size() && !isDirective(lines.get(end))) {
            end++;
        }
        return lines.subList(from, end);
    }

    private static boolean isDirective(String line) {
        return TITLE.matcher(line).matches() || TABLE.matcher(line).matches() || QUERY.matcher(line).matches()
                || EXPECT.matcher(line).matches() || ERROR.matcher(line).matches() || PENDING.matcher(line).matches()
                || SKIP.matcher(line).matches();
    }

    private TableText table(List<String> block, int directiveLine) {
        List<String> content = block.stream().filter(l -> !l.isBlank() && !l.startsWith("//")).toList();
        if (content.isEmpty()) {
            throw problem(directiveLine, "a table needs a header line of name:type columns");
        }
        return new TableText(content.get(0), content.subList(1, content.size()), directiveLine + 1);
    }

    private void startCase(String caseTitle, int line) {
        title = caseTitle;
        titleLine = line;
        tables = new LinkedHashMap<>(sharedTables);
        query = null;
        expected = null;
        ordered = false;
        errors = new ArrayList<>();
        errorLine = 0;
        errorColumn = 0;
        pending = sharedPending;
        skip = null;
        source = null;
    }

    private void finishCase() {
        if (title == null) {
            return;
        }
        if (query == null || query.toString().isBlank()) {
            throw problem(titleLine, "case '" + title + "' has no query");
        }
        if ((expected == null) == errors.isEmpty()) {
            throw problem(titleLine, "case '" + title + "' needs exactly one of 'expect' and 'error'");
        }
        Set<String> titles = new HashSet<>();
        cases.forEach(c -> titles.add(c.title()));
        if (titles.contains(title)) {
            throw problem(titleLine, "a second case titled '" + title + "'");
        }
        cases.add(new GoldenCase(file, title, titleLine, Map.copyOf(tables), query.toString().strip(), expected, ordered,
                List.copyOf(errors), errorLine, errorColumn, pending, skip, source));
        title = null;
    }

    private IllegalArgumentException problem(int line, String message) {
        return new IllegalArgumentException(file + " line " + line + ": " + message);
    }
}
