package io.github.camelkusto.export.operation;

/** The states of an operation, named as Azure Data Explorer's {@code .show operations} names them. */
public enum OperationState {
    /** Accepted, waiting for a free export slot ({@code maxConcurrentExports}). */
    Scheduled,
    /** Running: its Status shows the artifacts, records and bytes written so far. */
    InProgress,
    /** Every artifact was written and committed. */
    Completed,
    /** Stopped by an error; the artifacts it committed are listed in its details. */
    Failed,
    /** ADX's state for commands that did part of their work; an export never ends in it (it fails instead). */
    PartiallySucceeded,
    /** Refused: the export slots and queue were full. Nothing was written; retry later. */
    Throttled,
    /** Stopped by {@code .cancel operation}; the artifacts it committed are listed in its details. */
    Canceled,
    /** The process stopped while the operation was Scheduled or InProgress (found so on restart). */
    Abandoned,
    /** Refused before it started: the command, its query or its storage was invalid. Nothing was written. */
    BadInput;

    /** Whether the operation has ended: its state will not change again. */
    public boolean terminal() {
        return this != Scheduled && this != InProgress;
    }
}
