package io.github.camelkusto.export.command;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.camelkusto.kql.Suggestions;
import io.github.camelkusto.kql.syntax.KustoSyntaxException;
import io.github.camelkusto.kql.syntax.SourceText;
import io.github.camelkusto.kql.syntax.TimespanUnits;
import io.github.camelkusto.kql.syntax.Token;
import io.github.camelkusto.kql.syntax.TokenKind;
import io.github.camelkusto.kql.syntax.TokenParser;
import io.github.camelkusto.kql.types.KqlValues;

/**
 * The {@code set name [= value];} statements that may start a query (a bare query, or the query after
 * {@code <|}): each sets a client request property. Names are ADX's documented request properties; an unknown
 * one is refused with the closest name. Errors point into the whole text.
 */
final class SetStatements extends TokenParser {
    private enum Kind { BOOL, WHOLE_NUMBER, PERCENT, TIMESPAN, TEXT }

    /** ADX's documented request properties ("Request properties", REST names) and the kind of their values. */
    private static final Map<String, Kind> KINDS = kinds();

    /** The request properties and where the query after them starts. */
    record Parsed(RequestProperties properties, int queryStart) {
    }

    private SetStatements(SourceText source, int offset) {
        super(source, offset);
    }

    /**
     * Reads the set statements at {@code offset} of {@code source}, if any.
     *
     * @throws KustoSyntaxException for a malformed statement, an unknown property or a value of the wrong kind
     */
    static Parsed parse(SourceText source, int offset) {
        SetStatements parser = new SetStatements(source, offset);
        Map<String, Object> values = new LinkedHashMap<>();
        int queryStart = offset;
        while (parser.current.isKeyword("set")) {
            parser.statement(values);
            queryStart = parser.current.start();
        }
        if (!values.isEmpty() && parser.current.kind() == TokenKind.END) {
            throw parser.error("expected a query after the set statements but found the end of the text",
                    parser.current);
        }
        return new Parsed(new RequestProperties(values), queryStart);
    }

    private void statement(Map<String, Object> values) {
        advance();
        Token name = advance();
        if (name.kind() != TokenKind.IDENTIFIER) {
            throw error("expected a request property name after 'set' but found " + name.describe(), name);
        }
        String canonical = name.text().toLowerCase(Locale.ROOT);
        Kind kind = KINDS.get(canonical);
        if (kind == null) {
            throw error("unknown request property '" + name.text() + "'" + Suggestions.didYouMean(canonical,
                    KINDS.keySet()) + " (the names are those of ADX's \"Request properties\")", name);
        }
        if (values.containsKey(canonical)) {
            throw error("request property '" + canonical + "' is set more than once", name);
        }
        Object value;
        if (acceptSymbol("=")) {
            Token first = current;
            Token last = first;
            while (current.kind() != TokenKind.END && !current.isSymbol(";")) {
                last = advance();
            }
            if (first == current) {
                throw error("expected a value for request property '" + canonical + "' after '=' but found "
                        + first.describe(), first);
            }
            value = value(canonical, kind, first, source.text().substring(first.start(), last.end()));
        } else if (kind == Kind.BOOL) {
            value = Boolean.TRUE; // 'set notruncation;'
        } else {
            throw error("request property '" + canonical + "' needs a value: set " + canonical + " = <value>;",
                    current);
        }
        expectSymbol(";", "expected ';' after the set statement");
        values.put(canonical, value);
    }

    private Object value(String name, Kind kind, Token first, String text) {
        boolean single = first.end() == first.start() + text.length();
        switch (kind) {
            case BOOL -> {
                if (single && (first.isKeyword("true") || first.isKeyword("false"))) {
                    return first.isKeyword("true");
                }
                throw error("request property '" + name + "' must be true or false, not " + describe(first, text),
                        first);
            }
            case WHOLE_NUMBER, PERCENT -> {
                if (single && first.kind() == TokenKind.LONG) {
                    long n = (Long) first.value();
                    if (kind == Kind.WHOLE_NUMBER || n <= 100) {
                        return n;
                    }
                }
                throw error("request property '" + name + "' must be a whole number" + (kind == Kind.PERCENT
                        ? " from 0 to 100" : "") + ", not " + describe(first, text), first);
            }
            case TIMESPAN -> {
                Duration duration = timespan(first, text);
                if (duration == null || duration.isNegative()) {
                    throw error("request property '" + name + "' must be a timespan such as 10m, 1h or"
                            + " time(00:10:00), not " + describe(first, text), first);
                }
                return duration;
            }
            default -> {
                return single && first.kind() == TokenKind.STRING ? first.value() : text;
            }
        }
    }

    /** {@code 10m}, {@code 1.5h}, {@code time(00:10:00)}, {@code timespan(2d)}; null for anything else. */
    private static Duration timespan(Token first, String text) {
        String compact = text.replaceAll("\\s+", "");
        if (first.kind() == TokenKind.TYPED_LITERAL && compact.matches("(?i)(time|timespan)\\(.*\\)")) {
            compact = compact.substring(compact.indexOf('(') + 1, compact.length() - 1);
        }
        Duration units = TimespanUnits.parse(compact);
        if (units != null) {
            return units;
        }
        try {
            return KqlValues.parseTimespan(compact);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A value for a message: string literals are never spelled out, they may hold anything. */
    private static String describe(Token first, String text) {
        return first.kind() == TokenKind.STRING ? "a string literal" : "'" + text + "'";
    }

    private static Map<String, Kind> kinds() {
        Map<String, Kind> kinds = new LinkedHashMap<>();
        for (String name : Set.of("best_effort", "client_results_reader_allow_varying_row_widths",
                "deferpartialqueryfailures", "norequesttimeout", "notruncation", "push_selection_through_aggregation",
                "query_cursor_disabled", "query_force_row_level_security", "query_log_query_parameters",
                "query_results_apply_getschema", "query_results_cache_force_refresh", "query_results_cache_per_shard",
                "querytrace", "request_block_row_level_security", "request_callout_disabled",
                "request_external_data_disabled", "request_external_table_disabled", "request_impersonation_disabled",
                "request_readonly", "request_remote_entities_disabled", "request_sandboxed_execution_disabled",
                "results_progressive_enabled", "validatepermissions")) {
            kinds.put(name, Kind.BOOL);
        }
        for (String name : Set.of("client_max_redirect_count", "max_memory_consumption_per_query_per_node",
                "maxmemoryconsumptionperiterator", "maxoutputcolumns", "query_distribution_nodes_span",
                "query_max_entities_in_union", "query_results_progressive_row_count", "query_take_max_records",
                "truncationmaxrecords", "truncationmaxsize")) {
            kinds.put(name, Kind.WHOLE_NUMBER);
        }
        kinds.put(RequestProperties.FANOUT_NODES_PERCENT, Kind.PERCENT);
        kinds.put(RequestProperties.FANOUT_THREADS_PERCENT, Kind.PERCENT);
        for (String name : Set.of(RequestProperties.SERVER_TIMEOUT, "query_results_cache_max_age",
                "query_results_progressive_update_period")) {
            kinds.put(name, Kind.TIMESPAN);
        }
        for (String name : Set.of("materialized_view_shuffle_query", "query_bin_auto_at", "query_bin_auto_size",
                "query_cursor_after_default", "query_cursor_before_or_at_default", "query_cursor_current",
                "query_cursor_scoped_tables", "query_datascope", "query_datetimescope_column",
                "query_datetimescope_from", "query_datetimescope_to", "query_language", "query_now",
                "query_python_debug", "query_weakconsistency_session_id", "queryconsistency", "request_app_name",
                "request_description", "request_user")) {
            kinds.put(name, Kind.TEXT);
        }
        return java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(kinds)); // sorted: stable hints
    }
}
