package org.smartproperty.ops;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.InflaterInputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.smartproperty.ops.BackupManifest.PartEntry;
import org.smartproperty.ops.BackupManifest.TableEntry;
import org.smartproperty.ops.BackupReports.PartCheck;
import org.smartproperty.ops.BackupReports.VerifyReport;

/** Verify: every part of an archive decrypted and checked against the manifest, never throwing for a damaged archive. */
final class BackupVerifier {

    private final ObjectMapper json;
    private final BackupCatalog catalog;

    BackupVerifier(ObjectMapper json, BackupCatalog catalog) {
        this.json = json;
        this.catalog = catalog;
    }

    /** Decrypts and checks every part against the manifest; never throws for a damaged archive. */
    VerifyReport verify(Path archive, BackupKey key, Progress progress) {
        VerifyReport r = verifyQuietly(archive, key, progress);
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("archive", archive.getFileName().toString());
        rec.put("ok", r.ok());
        if (!r.ok()) {
            rec.put("badParts", r.badParts().stream().map(PartCheck::part).toList());
            rec.put("problem", r.problem() == null ? "part.corrupt" : r.problem());
            if (!r.problemArgs().isEmpty()) {
                rec.put("problemArgs", r.problemArgs());
            }
        }
        catalog.record(archive.toAbsolutePath().getParent(), "backup.verified", rec);
        return r;
    }

    private VerifyReport verifyQuietly(Path archive, BackupKey key, Progress progress) {
        List<PartCheck> checks = new ArrayList<>();
        BackupManifest manifest = null;
        long size;
        try {
            size = Files.size(archive);
        } catch (IOException e) {
            return new VerifyReport(archive, false, "verify.unreadable", checks, null, List.of(String.valueOf(archive)));
        }
        try (BackupIo.CountingIn counted = new BackupIo.CountingIn(new BufferedInputStream(Files.newInputStream(archive), 1 << 16));
                DataInputStream in = new DataInputStream(counted)) {
            Container.Header h;
            try {
                h = Container.readHeader(in);
            } catch (IOException e) {
                checks.add(new PartCheck("header", false, 0, "part.unreadable", e.getMessage()));
                return new VerifyReport(archive, false, "verify.notArchive", checks, null);
            }
            Container.Crypto crypto = ArchiveReader.crypto(h, key);
            if (crypto == null) {
                return new VerifyReport(archive, false, h.encrypted() ? (key.encrypts() ? "verify.wrongKey" : "verify.keyRequired") : null,
                        checks, null);
            }
            Set<String> seen = new HashSet<>();
            int expectedIndex = 0;
            while (true) {
                Container.PartHeader ph;
                try {
                    ph = Container.nextPart(in);
                } catch (IOException e) {
                    checks.add(new PartCheck("(after " + (checks.isEmpty() ? "header" : checks.get(checks.size() - 1).part()) + ")", false, 0,
                            "part.structure", e.getMessage()));
                    break;
                }
                if (ph == null) {
                    break;
                }
                String name = ph.name();
                Container.PartIn raw = Container.partBytes(in, crypto, ph);
                MessageDigest md = Container.sha256();
                long bytes = 0;
                long lines = 0;
                String problem = null;
                String detail = null;
                try (InflaterInputStream z = new InflaterInputStream(raw, new java.util.zip.Inflater(), 1 << 16)) {
                    byte[] buf = new byte[1 << 16];
                    ByteArrayOutputStream keep = ph.index() == 0 ? new ByteArrayOutputStream() : null;
                    int n;
                    while ((n = z.read(buf)) > 0) {
                        md.update(buf, 0, n);
                        bytes += n;
                        for (int i = 0; i < n; i++) {
                            if (buf[i] == '\n') {
                                lines++;
                            }
                        }
                        if (keep != null) {
                            keep.write(buf, 0, n);
                        }
                        progress.update(name, counted.count, size);
                    }
                    if (keep != null) {
                        manifest = json.readValue(keep.toByteArray(), BackupManifest.class);
                    }
                } catch (Container.StructureException e) {
                    checks.add(new PartCheck(name, false, bytes, "part.structure", e.getMessage()));
                    break;
                } catch (IOException | RuntimeException e) {
                    problem = "part.corrupt";
                    detail = e.getMessage();
                    try {
                        raw.skipRaw();
                    } catch (IOException se) {
                        checks.add(new PartCheck(name, false, bytes, "part.structure", se.getMessage()));
                        break;
                    }
                }
                if (ph.index() != expectedIndex++) {
                    problem = problem == null ? "part.order" : problem;
                }
                if (problem == null && ph.index() > 0 && manifest != null) { // without a manifest: authenticated chunk by chunk only
                    PartEntry e = manifest.part(name);
                    TableEntry t = manifest.tables().stream().filter(x -> x.part().equals(name)).findFirst().orElse(null);
                    if (e == null) {
                        problem = "part.unexpected";
                    } else if (!e.sha256().equals(BackupIo.hex(md.digest()))) {
                        problem = "part.hashMismatch";
                    } else if (t != null && t.rows() != lines - 1) {
                        problem = "part.rowsMismatch";
                        detail = t.rows() + " != " + (lines - 1);
                    }
                } else if (problem == null && ph.index() == 0 && (manifest == null || !BackupService.MANIFEST.equals(name))) {
                    problem = "part.unexpected";
                }
                seen.add(name);
                checks.add(new PartCheck(name, problem == null, bytes, problem, detail));
            }
            if (manifest != null) {
                for (PartEntry p : manifest.parts()) {
                    if (!seen.contains(p.name())) {
                        checks.add(new PartCheck(p.name(), false, 0, "part.missing", null));
                    }
                }
            } else if (checks.stream().noneMatch(c -> BackupService.MANIFEST.equals(c.part()))) {
                checks.add(new PartCheck(BackupService.MANIFEST, false, 0, "part.missing", null));
            }
            if (counted.count != size) {
                checks.add(new PartCheck("(end)", false, 0, "part.trailing", (size - counted.count) + " bytes"));
            }
        } catch (IOException e) {
            checks.add(new PartCheck("(archive)", false, 0, "part.unreadable", e.getMessage()));
        }
        boolean ok = manifest != null && checks.stream().allMatch(PartCheck::ok);
        return new VerifyReport(archive, ok, ok ? null : manifest == null ? "verify.noManifest" : null, checks, manifest);
    }
}
