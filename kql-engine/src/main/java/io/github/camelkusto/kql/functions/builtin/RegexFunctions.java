package io.github.camelkusto.kql.functions.builtin;

import static io.github.camelkusto.kql.types.KqlType.DYNAMIC;
import static io.github.camelkusto.kql.types.KqlType.LONG;
import static io.github.camelkusto.kql.types.KqlType.STRING;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.camelkusto.kql.functions.Argument;
import io.github.camelkusto.kql.functions.BindException;
import io.github.camelkusto.kql.functions.FunctionLibrary;
import io.github.camelkusto.kql.functions.FunctionRegistry;
import io.github.camelkusto.kql.functions.Overloads;
import io.github.camelkusto.kql.functions.RowWise;
import io.github.camelkusto.kql.functions.ScalarBinding;
import io.github.camelkusto.kql.functions.ScalarFunction;
import io.github.camelkusto.kql.functions.ScalarKernel;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;

/**
 * The regex-based string functions: extract, extract_all, replace_regex, trim / trim_start / trim_end (whose
 * first argument is a regex), countof (plain or regex). Patterns are Kusto's (RE2) syntax, translated once by
 * {@link #compile}; a constant pattern is compiled once per call site, not per row ({@link PatternCache}).
 */
public final class RegexFunctions implements FunctionLibrary {

    @Override
    public void registerInto(FunctionRegistry registry) {
        registry.register(new TypedResult("extract", 3, new RegexChecked("extract", 0, Overloads.of("extract")
                .add(STRING, cached(STRING, (cache, a) -> extract(cache.get((String) a[0]), ((Number) a[1]).intValue(),
                        (String) a[2])), STRING, LONG, STRING))));
        registry.register(new RegexChecked("extract_all", 0, Overloads.of("extract_all")
                .add(DYNAMIC, cached(DYNAMIC, (cache, a) -> extractAll(cache.get((String) a[0]), null, (String) a[1])),
                        STRING, STRING)
                .add(DYNAMIC, cached(DYNAMIC, (cache, a) -> extractAll(cache.get((String) a[0]), (JsonNode) a[1],
                        (String) a[2])), STRING, DYNAMIC, STRING)));
        registry.register(new RegexChecked("replace_regex", 1, Overloads.of("replace_regex")
                .add(STRING, cached(STRING, (cache, a) -> cache.get((String) a[1]).matcher((String) a[0])
                        .replaceAll(javaReplacement((String) a[2]))), STRING, STRING, STRING)));
        for (String name : new String[] {"trim", "trim_start", "trim_end"}) {
            boolean start = !name.equals("trim_end");
            boolean end = !name.equals("trim_start");
            registry.register(new RegexChecked(name, 0, Overloads.of(name).add(STRING, cached(STRING, (cache, a) -> {
                String regex = (String) a[0];
                String text = (String) a[1];
                if (start) {
                    text = cache.get("^(?:" + regex + ")").matcher(text).replaceFirst("");
                }
                if (end) {
                    text = cache.get("(?:" + regex + ")$").matcher(text).replaceFirst("");
                }
                return text;
            }), STRING, STRING)));
        }
        registry.register(Overloads.of("countof")
                .add(LONG, RowWise.of(LONG, (text, search) -> countPlain((String) text, (String) search)), STRING,
                        STRING)
                .add(LONG, cached(LONG, (cache, a) -> switch ((String) a[2]) {
                    case "normal" -> countPlain((String) a[0], (String) a[1]);
                    case "regex" -> countRegex(cache.get((String) a[1]), (String) a[0]);
                    default -> throw new IllegalArgumentException("countof kind must be 'normal' or 'regex', not '"
                            + a[2] + "'");
                }), STRING, STRING, STRING));
    }

    /**
     * Kusto's regex syntax as a Java pattern: RE2's {@code (?P<name>...)} groups become {@code (?<name>...)};
     * classes such as {@code \d \s \w} are Unicode's, as Kusto matches them (a no-break space is a space).
     */
    static Pattern compile(String regex) {
        return Pattern.compile(regex.replace("(?P<", "(?<"), Pattern.UNICODE_CHARACTER_CLASS);
    }

    /**
     * Compiled patterns by their Kusto text, shared by all call sites: a constant pattern is compiled once, not
     * per row. Bounded: cleared when it grows past {@value #MAX_CACHED} patterns (per-row patterns).
     */
    static final class PatternCache {
        private static final int MAX_CACHED = 1024;
        private static final java.util.Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

        Pattern get(String regex) {
            Pattern p = PATTERNS.get(regex);
            if (p == null) {
                if (PATTERNS.size() >= MAX_CACHED) {
                    PATTERNS.clear();
                }
                p = compile(regex);
                PATTERNS.put(regex, p);
            }
            return p;
        }
    }

    interface CachedFn {
        Object apply(PatternCache cache, Object[] args);
    }

    private static final PatternCache CACHE = new PatternCache();

    /** The compiled form of a Kusto regex, from the shared cache. */
    static Pattern pattern(String regex) {
        return CACHE.get(regex);
    }

    private static ScalarKernel cached(KqlType result, CachedFn f) {
        return RowWise.nary(result, a -> f.apply(CACHE, a));
    }

    /** extract: the group's text of the first match, "" when nothing matches or the group took no part. */
    static String extract(Pattern p, int group, String text) {
        Matcher m = p.matcher(text);
        if (group < 0 || group > m.groupCount()) {
            throw new IllegalArgumentException("extract: the regex has no capture group " + group);
        }
        if (!m.find()) {
            return "";
        }
        String s = m.group(group);
        return s == null ? "" : s;
    }

    /**
     * extract_all: every match's groups (or those listed in {@code groups}); one group gives an array of
     * strings, several an array of arrays; null when nothing matches.
     */
    static JsonNode extractAll(Pattern p, JsonNode groups, String text) {
        Matcher m = p.matcher(text);
        List<Object> wanted = new ArrayList<>();
        if (groups != null && groups.isArray()) {
            groups.forEach(g -> wanted.add(g.isTextual() ? g.asText() : (Object) g.asInt())); // a name or a number
        } else {
            for (int g = 1; g <= m.groupCount(); g++) {
                wanted.add(g);
            }
        }
        if (wanted.isEmpty()) {
            wanted.add(0);
        }
        ArrayNode out = KqlValues.NODES.arrayNode();
        while (m.find()) {
            if (wanted.size() == 1) {
                out.add(orEmpty(group(m, wanted.get(0))));
            } else {
                ArrayNode row = out.addArray();
                wanted.forEach(g -> row.add(orEmpty(group(m, g))));
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static String group(Matcher m, Object group) {
        return group instanceof String name ? m.group(name) : m.group((Integer) group);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Kusto's rewrite refers to groups as {@code \1}; Java's as {@code $1}, and a literal {@code $} is escaped. */
    static String javaReplacement(String rewrite) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rewrite.length(); i++) {
            char c = rewrite.charAt(i);
            if (c == '\\' && i + 1 < rewrite.length() && Character.isDigit(rewrite.charAt(i + 1))) {
                sb.append('$').append(rewrite.charAt(++i));
            } else if (c == '$' || c == '\\') {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** countof, normal kind: occurrences of the text, overlapping ones included ("aaaa" has "aa" 3 times). */
    static long countPlain(String text, String search) {
        if (search.isEmpty()) {
            return 0;
        }
        long n = 0;
        for (int at = text.indexOf(search); at >= 0; at = text.indexOf(search, at + 1)) {
            n++;
        }
        return n;
    }

    /** countof, regex kind: non-overlapping matches. */
    static long countRegex(Pattern p, String text) {
        Matcher m = p.matcher(text);
        long n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Checks a constant regex argument when the query is bound, so a bad pattern is an error placed in the query. */
    record RegexChecked(String name, int regexArgument, ScalarFunction function) implements ScalarFunction {
        @Override
        public ScalarBinding bind(List<Argument> args) {
            if (args.size() > regexArgument && args.get(regexArgument).isConstant()
                    && args.get(regexArgument).constantValue() instanceof String regex) {
                try {
                    compile(regex);
                } catch (PatternSyntaxException e) {
                    throw new BindException(name + ": invalid regex '" + regex + "': " + e.getDescription());
                }
            }
            return function.bind(args);
        }
    }
}
