package io.github.camelkusto.kql.data;

/**
 * One independently readable part of a query result (an extent, the engine's shard). Exports write
 * partitions in parallel for {@code distribution=per_shard}.
 */
@FunctionalInterface
public interface Partition {
    BatchStream open();
}
