package org.smartproperty.ops;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.smartproperty.ops.BackupReports.ArchiveInfo;
import org.smartproperty.ops.BackupReports.PruneReport;

/** The archives of a folder and its records file: list, prune, the record lines. */
final class BackupCatalog {

    private static final Pattern NAME = Pattern.compile("spm-backup-(\\d{8}T\\d{6}Z)-[a-z0-9.-]*\\.spmbak");

    private final Clock clock;
    private final ObjectMapper json;

    BackupCatalog(Clock clock, ObjectMapper json) {
        this.clock = clock;
        this.json = json;
    }

    /** The archives of a folder, newest first (by the time in their names). */
    List<ArchiveInfo> list(Path dir) {
        List<ArchiveInfo> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            throw new OpsException("list.noDirectory", dir);
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*" + BackupService.EXTENSION)) {
            for (Path p : ds) {
                Instant created = created(p);
                if (created == null) {
                    continue;
                }
                boolean encrypted = false;
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(p), 128))) {
                    encrypted = Container.readHeader(in).encrypted();
                } catch (IOException ignored) {
                    // listed anyway; verify tells what is wrong
                }
                Boolean testOk = null;
                Instant testedAt = null;
                Path side = restoreTestRecord(p);
                if (Files.exists(side)) {
                    try {
                        var node = json.readTree(side.toFile());
                        if (node.hasNonNull("ok") && node.hasNonNull("finishedAt")) {
                            testOk = node.path("ok").asBoolean();
                            testedAt = Instant.parse(node.path("finishedAt").asText());
                        }
                    } catch (IOException | RuntimeException ignored) {
                        // an unreadable record counts as none
                    }
                }
                out.add(new ArchiveInfo(p, created, Files.size(p), encrypted, testOk, testedAt));
            }
        } catch (IOException e) {
            throw new OpsException(e, "list.noDirectory", dir);
        }
        out.sort(Comparator.comparing(ArchiveInfo::created).reversed().thenComparing(a -> a.path().getFileName().toString()));
        return out;
    }

    /** The time in an archive's name, or null when the name is not one of ours. */
    static Instant created(Path archive) {
        Matcher m = NAME.matcher(archive.getFileName().toString());
        if (!m.matches()) {
            return null;
        }
        return LocalDateTime.parse(m.group(1), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")).toInstant(ZoneOffset.UTC);
    }

    static Path restoreTestRecord(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".restore-test.json");
    }

    /**
     * Keeps the newest archive of each of the last {@code daily} days, {@code weekly} ISO weeks and
     * {@code monthly} months that have archives (and always the newest one); deletes the rest
     * with their restore-test files. Archives whose names are not ours are never touched.
     */
    PruneReport prune(Path dir, int daily, int weekly, int monthly, boolean dryRun) {
        if (daily < 0 || weekly < 0 || monthly < 0) {
            throw new OpsException("prune.negative");
        }
        List<ArchiveInfo> all = list(dir);
        Set<Path> keep = new LinkedHashSet<>();
        if (!all.isEmpty()) {
            keep.add(all.get(0).path());
        }
        keepNewestPer(all, daily, a -> LocalDate.ofInstant(a.created(), ZoneOffset.UTC).toString(), keep);
        keepNewestPer(all, weekly, a -> {
            LocalDate d = LocalDate.ofInstant(a.created(), ZoneOffset.UTC);
            return d.get(IsoFields.WEEK_BASED_YEAR) + "-W" + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        }, keep);
        keepNewestPer(all, monthly, a -> LocalDate.ofInstant(a.created(), ZoneOffset.UTC).toString().substring(0, 7), keep);
        List<Path> kept = new ArrayList<>();
        List<Path> deleted = new ArrayList<>();
        for (ArchiveInfo a : all) {
            if (keep.contains(a.path())) {
                kept.add(a.path());
            } else {
                deleted.add(a.path());
                if (!dryRun) {
                    try {
                        Files.deleteIfExists(a.path());
                        Files.deleteIfExists(restoreTestRecord(a.path()));
                    } catch (IOException e) {
                        throw new OpsException(e, "prune.deleteFailed", a.path(), e.getMessage());
                    }
                }
            }
        }
        if (!dryRun) {
            record(dir, "backup.pruned", Map.of("kept", kept.size(), "deleted", deleted.stream().map(p -> p.getFileName().toString()).toList()));
        }
        return new PruneReport(kept, deleted, dryRun);
    }

    private static void keepNewestPer(List<ArchiveInfo> newestFirst, int count, java.util.function.Function<ArchiveInfo, String> period,
            Set<Path> keep) {
        Set<String> periods = new HashSet<>();
        for (ArchiveInfo a : newestFirst) {
            if (periods.size() >= count && !periods.contains(period.apply(a))) {
                break;
            }
            if (periods.add(period.apply(a))) {
                keep.add(a.path());
            }
        }
    }

    /** Appends one record line ({@code type}, {@code at}, fields) to the folder's records file; never fails the operation. */
    void record(Path dir, String type, Map<String, ?> fields) {
        if (dir == null) {
            return;
        }
        try {
            ObjectNode node = json.createObjectNode();
            node.put("type", type);
            node.put("version", 1);
            node.put("at", clock.instant().toString());
            fields.forEach((k, v) -> node.set(k, json.valueToTree(v)));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(BackupService.RECORDS), json.writeValueAsString(node) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException ignored) {
            // the operation's own result still tells the operator
        }
    }

    /** The records of a folder, oldest first. */
    List<Map<String, Object>> records(Path dir) {
        Path f = dir.resolve(BackupService.RECORDS);
        if (!Files.exists(f)) {
            return List.of();
        }
        try {
            List<Map<String, Object>> out = new ArrayList<>();
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = json.readValue(line, Map.class);
                    out.add(m);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
