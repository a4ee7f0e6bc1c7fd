package io.github.camelkusto.export.artifact;

import io.github.camelkusto.export.command.ExportCommand;
import io.github.camelkusto.export.command.ExportFormat;
import io.github.camelkusto.export.command.IncludeHeaders;
import io.github.camelkusto.export.command.TextEncoding;

/**
 * How artifacts of one export are cut and encoded.
 *
 * @param sizeLimit bytes of one artifact before compression; a record is never split, so an artifact ends
 *                  before the record that would cross the limit (a single larger record gets an artifact alone)
 */
public record ArtifactSpec(ExportFormat format, boolean compressed, long sizeLimit, IncludeHeaders includeHeaders,
        TextEncoding encoding, ArtifactNaming naming) {

    public static ArtifactSpec of(ExportCommand command) {
        var p = command.properties();
        String extension = p.fileExtension().orElse(command.format().defaultExtension())
                + (command.compressed() && command.format().isText() ? ".gz" : "");
        return new ArtifactSpec(command.format(), command.compressed(), p.sizeLimit(), p.includeHeaders(),
                p.encoding(), new ArtifactNaming(p.namePrefix().orElse(null), extension));
    }

    public RecordEncoder encoder() {
        return switch (format) {
            case CSV -> DelimitedRecordEncoder.csv();
            case TSV -> DelimitedRecordEncoder.tsv();
            case JSON, PARQUET -> throw new IllegalStateException("no record encoder for " + format + " yet");
        };
    }
}
