package io.github.camelkusto.export.operation;

import java.time.Duration;
import java.util.List;

import io.github.camelkusto.export.artifact.ExportMonitor;
import io.github.camelkusto.export.artifact.ExportedArtifact;
import io.github.camelkusto.kql.exec.Deadline;

/** The work of one validated export, as the registry runs it: write, and what to do when that fails. */
public interface ExportJob {

    /** Writes every artifact, reporting to {@code monitor}; returns the committed artifacts. */
    List<ExportedArtifact> write(ExportMonitor monitor);

    /**
     * After a failure or cancel, with {@code cleanupOnFailure}: deletes these committed artifacts and returns
     * those it deleted; without it, deletes nothing.
     */
    List<ExportedArtifact> cleanUp(List<ExportedArtifact> committed);

    /**
     * The deadline the export was validated under. A sync export keeps it; an async one gets the same timeout
     * again from the moment it starts running (its time waiting as Scheduled does not count).
     */
    Deadline deadline();

    /** How often the running export's progress is logged at INFO; zero for never. */
    Duration progressInterval();

    /** What is exported where, for the start line: format and targets, without secrets. */
    String describe();

    /** The text with every secret of the export's connection strings masked: safe for Status and the journal. */
    String mask(String text);
}
