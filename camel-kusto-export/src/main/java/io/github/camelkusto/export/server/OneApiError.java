package io.github.camelkusto.export.server;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.camelkusto.kql.types.KqlValues;

/**
 * An error in the OneApiErrors shape Kusto answers with: the whole body of a failed request, an inline row of a
 * table that failed while streaming, and an entry of {@code DataSetCompletion.OneApiErrors}. The message goes
 * in both {@code message} and {@code @message}: clients show one or the other.
 *
 * @param code      {@code General_BadRequest}, {@code Unauthorized}, {@code Internal_UnexpectedError} ...
 * @param type      the .NET exception type Kusto would name
 * @param permanent whether retrying the same request can succeed ({@code @permanent})
 */
record OneApiError(String code, String type, String message, boolean permanent) {

    static OneApiError badRequest(String message) {
        return new OneApiError("General_BadRequest", "Kusto.Data.Exceptions.KustoBadRequestException", message, true);
    }

    static OneApiError unexpected(String message) {
        return new OneApiError("Internal_UnexpectedError", "Kusto.Data.Exceptions.KustoServiceException", message,
                false);
    }

    static OneApiError unauthorized(String message) {
        return new OneApiError("Unauthorized", "Kusto.Data.Exceptions.UnauthorizedOperationException", message,
                true);
    }

    static OneApiError throttled(String message) {
        return new OneApiError("Throttled", "Kusto.Data.Exceptions.KustoRequestThrottledException", message, false);
    }

    static OneApiError notFound(String message) {
        return new OneApiError("General_NotFound", "Kusto.Data.Exceptions.EntityNotFoundException", message, true);
    }

    /** {@code {"error": {...}}}. */
    void write(JsonGenerator g, RequestIds ids) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("error");
        g.writeStringField("code", code);
        g.writeStringField("message", message);
        g.writeStringField("@type", type);
        g.writeStringField("@message", message);
        g.writeObjectFieldStart("@context");
        g.writeStringField("timestamp", KqlValues.render(Instant.now()));
        g.writeStringField("clientRequestId", ids.clientRequestId());
        g.writeStringField("activityId", ids.activityId().toString());
        g.writeEndObject();
        g.writeBooleanField("@permanent", permanent);
        g.writeEndObject();
        g.writeEndObject();
    }
}
