package io.github.camelkusto.export.operation;

/**
 * Where an operation comes from, for the fixed columns of {@code .show operations}.
 *
 * @param nodeId         the host and Camel context that run it
 * @param rootActivityId the id of the Camel exchange that asked for it, to find it in the route's logs
 * @param database       the database the query ran on
 * @param principal      the route that asked for it ({@code camel-route:<route id>})
 * @param user           the operating-system user the process runs as
 */
public record OperationOrigin(String nodeId, String rootActivityId, String database, String principal,
        String user) {
}
