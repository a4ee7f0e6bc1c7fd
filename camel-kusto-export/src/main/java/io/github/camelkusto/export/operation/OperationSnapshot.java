package io.github.camelkusto.export.operation;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One operation as {@code .show operations} shows it and the journal stores it, at one moment.
 *
 * @param origin    who asked and where it ran: the row's fixed columns
 * @param artifacts committed artifacts so far (all of them, whatever persistDetails says)
 * @param records   records written so far, committed or not
 * @param bytes     bytes stored so far, committed or not (after compression)
 */
public record OperationSnapshot(UUID operationId, OperationOrigin origin, Instant startedOn, Instant lastUpdatedOn,
        OperationState state, String status, boolean shouldRetry, boolean persistDetails, long artifacts,
        long records, long bytes) {

    /** ADX's Duration: from start to the last update once ended, to {@code now} while it runs. */
    public Duration duration(Instant now) {
        Duration d = Duration.between(startedOn, state.terminal() ? lastUpdatedOn : now);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
