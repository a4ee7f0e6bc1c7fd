package io.github.camelkusto.export;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

import io.github.camelkusto.export.artifact.DataFormatSettings;
import io.github.camelkusto.export.operation.Operation;
import io.github.camelkusto.export.operation.OperationOrigin;

/**
 * What the endpoint adds to a command when it runs it: who asks (for {@code .show operations}), and the
 * endpoint-level export options that are not {@code .export} properties.
 *
 * @param onAsyncEnd       called once an async export has ended (the completionUri), or does nothing
 * @param exportTimeout    the endpoint's exportTimeout, when set (else ADX's default for the command applies)
 * @param progressInterval how often a running export logs its progress; zero for never
 * @param dataFormat       the Camel data format that encodes the artifacts of a {@code .export}, if any
 */
record ExportRequest(OperationOrigin origin, boolean cleanupOnFailure, Consumer<Operation> onAsyncEnd,
        Optional<Duration> exportTimeout, Duration progressInterval, Optional<DataFormatSettings> dataFormat) {
}
