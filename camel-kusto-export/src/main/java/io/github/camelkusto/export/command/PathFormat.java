package io.github.camelkusto.export.command;

import java.util.List;
import java.util.Optional;

/**
 * How an external table's partition values make a folder path: {@code pathformat = ("year=" datetime_pattern(
 * "yyyy", Day) "/" Tenant)}, a sequence of literal text and partition references. Empty: the default Hive style,
 * {@code name=value} per partition, joined by '/'.
 */
public record PathFormat(List<Element> elements) {
    public static final PathFormat HIVE = new PathFormat(List.of());

    public PathFormat {
        elements = List.copyOf(elements);
    }

    public boolean isDefault() {
        return elements.isEmpty();
    }

    /** Literal text, or a partition's value (a datetime one through an optional .NET-style pattern). */
    public sealed interface Element permits Literal, PartitionValue {
    }

    public record Literal(String text) implements Element {
    }

    public record PartitionValue(String partition, Optional<String> datetimePattern) implements Element {
    }
}
