package io.github.camelkusto.kql.functions.builtin;

import static io.github.camelkusto.kql.types.KqlType.DATETIME;
import static io.github.camelkusto.kql.types.KqlType.STRING;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

import io.github.camelkusto.kql.functions.FunctionLibrary;
import io.github.camelkusto.kql.functions.FunctionRegistry;
import io.github.camelkusto.kql.functions.Overloads;
import io.github.camelkusto.kql.functions.RowWise;

/**
 * datetime_utc_to_local and datetime_local_to_utc with an IANA time zone name. A local time that a clock change
 * skips (a gap) takes the offset after the change, as the datetime_local_to_utc() page shows; an unknown zone
 * gives null.
 */
public final class TimeZoneFunctions implements FunctionLibrary {

    @Override
    public void registerInto(FunctionRegistry registry) {
        registry.register(Overloads.of("datetime_utc_to_local").add(DATETIME, RowWise.of(DATETIME,
                (utc, zone) -> utcToLocal((Instant) utc, (String) zone)), DATETIME, STRING));
        registry.register(Overloads.of("datetime_local_to_utc").add(DATETIME, RowWise.of(DATETIME,
                (local, zone) -> localToUtc((Instant) local, (String) zone)), DATETIME, STRING));
    }

    private static Instant utcToLocal(Instant utc, String zone) {
        ZoneRules rules = rules(zone);
        return rules == null ? null : utc.plusSeconds(rules.getOffset(utc).getTotalSeconds());
    }

    private static Instant localToUtc(Instant local, String zone) {
        ZoneRules rules = rules(zone);
        if (rules == null) {
            return null;
        }
        LocalDateTime wall = LocalDateTime.ofInstant(local, ZoneOffset.UTC);
        List<ZoneOffset> offsets = rules.getValidOffsets(wall);
        ZoneOffset offset;
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = rules.getTransition(wall);
            offset = gap.getOffsetAfter();
        } else {
            offset = offsets.get(0);
        }
        return local.minusSeconds(offset.getTotalSeconds());
    }

    private static ZoneRules rules(String zone) {
        try {
            return ZoneId.of(zone).getRules();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
