package io.github.camelkusto.export.cluster;

import java.util.Optional;

import io.github.camelkusto.kql.KustoException;

/**
 * A command the cluster refused or failed, or a cluster that could not be reached: ADX's error code (from its
 * OneApiError, e.g. {@code General_BadRequest}; {@code Throttled} for HTTP 429; {@code HttpStatus503} for an answer
 * without one; {@code ConnectionFailed} or {@code Timeout} when no answer came) and its message, secrets masked.
 */
public class ClusterException extends KustoException {
    private final String errorCode;
    private final Integer httpStatus;
    private final boolean permanent;

    public ClusterException(String message, String errorCode, Integer httpStatus, boolean permanent, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.httpStatus = httpStatus;
        this.permanent = permanent;
    }

    /** ADX's error code, or one of ours for a failure without an answer. */
    public String errorCode() {
        return errorCode;
    }

    /** The HTTP status of the cluster's answer; empty when none came. */
    public Optional<Integer> httpStatus() {
        return Optional.ofNullable(httpStatus);
    }

    /** Whether the same request would fail again (ADX's {@code @permanent}). */
    public boolean permanent() {
        return permanent;
    }
}
