package io.github.camelkusto.export;

import java.util.function.Consumer;

import io.github.camelkusto.export.operation.Operation;
import io.github.camelkusto.export.operation.OperationOrigin;

/**
 * What the endpoint adds to a command when it runs it: who asks (for {@code .show operations}), and the
 * endpoint-level export options that are not {@code .export} properties.
 *
 * @param onAsyncEnd called once an async export has ended (the completionUri), or does nothing
 */
record ExportRequest(OperationOrigin origin, boolean cleanupOnFailure, Consumer<Operation> onAsyncEnd) {
}
