package io.github.camelkusto.export;

/** What an endpoint's producer leaves in the body ({@code outputType}). */
public enum OutputType {
    /** The query is exported as artifacts; the body is the artifact table (or an async export's operation id). */
    ARTIFACTS,
    /** The query's rows, as a streaming iterator of row batches; nothing is written. */
    BATCHES
}
