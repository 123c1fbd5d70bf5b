package org.smartproperty.ops;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code manifest.json}, the first part of every archive (OPS-3): format version, creation time,
 * source, schema versions per bundle (from {@code databasechangelog}), tables with row counts and
 * content hashes, sequences, file sets and the SHA-256 of every other part's uncompressed bytes.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BackupManifest(String format, int formatVersion, String created, boolean encrypted, Source source,
        List<SchemaVersion> schemaVersions, List<TableEntry> tables, List<SequenceEntry> sequences,
        FileSet files, FileSet etc, List<PartEntry> parts) {

    public static final String FORMAT = "spm-backup";
    public static final int VERSION = 1;

    /** Where the backup was taken; the URL never holds a password. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Source(String product, String productVersion, String url, String user, String schema, String host) {
    }

    /** Liquibase state of one bundle (logicalFilePath = bundle symbolic name), change sets in execution order. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SchemaVersion(String bundle, int changeSets, String lastId, List<String> ids) {
    }

    /**
     * One table: its part, row count and content hash (sum modulo 2^256 of the SHA-256 of each
     * row's canonical JSON line, so independent of row order and database product).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TableEntry(String name, String part, long rows, String contentHash, List<Column> columns) {
    }

    /** Column with its portable type: int, dec, float, bool, date, ts, tstz, time, bin, str. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Column(String name, String type, String sqlType) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SequenceEntry(String name, long next, long increment) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FileSet(String part, String root, long count, long bytes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PartEntry(String name, String sha256, long bytes) {
    }

    public TableEntry table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    public PartEntry part(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }
}
