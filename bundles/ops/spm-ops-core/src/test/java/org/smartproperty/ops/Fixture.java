package org.smartproperty.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import org.smartproperty.platform.testsupport.TestDatabase;

/** A small real schema (security + estate changelogs) with awkward values: Chinese, quotes, newlines, nulls, decimals. */
final class Fixture {

    private Fixture() {
    }

    static void migrate(TestDatabase db) throws Exception {
        db.migrate("db/security.changelog.xml");
        db.migrate("db/estate.changelog.xml");
        // issue 10 item 1: the role templates the security and estate bundles contribute (their rows only: the seeding's
        // audit rows would make aud_event non-empty, and a second restore into the same schema cannot delete them)
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO sec_role_permission (role, permission) SELECT ?, ? "
                     + "WHERE NOT EXISTS (SELECT 1 FROM sec_role_permission WHERE role = ? AND permission = ?)")) {
            for (org.smartproperty.platform.contrib.Contribution contribution : org.smartproperty.platform.testsupport.StandInContributions.onClassPath()) {
                for (org.smartproperty.platform.contrib.Contribution.Grant g : contribution.grants()) {
                    ps.setString(1, g.role());
                    ps.setString(2, g.permission());
                    ps.setString(3, g.role());
                    ps.setString(4, g.permission());
                    ps.executeUpdate();
                }
            }
        }
    }

    static void seed(DataSource ds, int houses) throws SQLException {
        OffsetDateTime t = OffsetDateTime.of(2026, 11, 27, 8, 30, 15, 123_456_000, ZoneOffset.ofHours(8));
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement e = c.prepareStatement("INSERT INTO est_estate (id, project_code, name, address, community, admin_code, longitude, latitude,"
                    + " boundary, fee_standard, overview, status, version, created_at, created_by, updated_at, updated_by)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', 1, ?, 'test', ?, 'test')")) {
                for (int i = 1; i <= 2; i++) {
                    e.setLong(1, i);
                    e.setString(2, i == 1 ? "HQ-001" : null);
                    e.setString(3, "横琴花园 \"" + i + "\" 期");
                    e.setString(4, "珠海市横琴新区环岛东路 " + i + " 号\n第二行\\末尾");
                    e.setString(5, "小横琴社区");
                    e.setString(6, "440404");
                    e.setDouble(7, 113.5412 + i);
                    e.setDouble(8, 22.1234);
                    e.setString(9, i == 1 ? "{\"type\":\"Polygon\"}" : null);
                    e.setBigDecimal(10, new java.math.BigDecimal("3.50"));
                    e.setString(11, "emoji 🏠 tab\there");
                    e.setObject(12, t);
                    e.setObject(13, t.plusDays(i));
                    e.addBatch();
                }
                e.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO est_building (id, estate_id, number, name, floors_above, floors_below, version, created_at, created_by, updated_at, updated_by)"
                        + " VALUES (10, 1, '1', '一栋', 30, 2, 1, TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', 'x', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', 'x')");
                s.execute("INSERT INTO est_building_unit (id, building_id, name, ordinal) VALUES (20, 10, '1单元', 1)");
            }
            try (PreparedStatement h = c.prepareStatement("INSERT INTO est_house (id, estate_id, building_id, unit_id, unit_code, floor_no, room_no, house_use,"
                    + " planned_area, measured_area, status, version, created_at, created_by, updated_at, updated_by)"
                    + " VALUES (?, 1, 10, ?, ?, ?, ?, 'RESIDENTIAL', ?, ?, 'ACTIVE', 1, ?, 'seed', ?, 'seed')");
                    PreparedStatement o = c.prepareStatement("INSERT INTO est_owner (id, name, id_type, id_number, phone, version, created_at, created_by, updated_at, updated_by)"
                            + " VALUES (?, ?, 'ID_CARD', ?, ?, 1, ?, 'seed', ?, 'seed')");
                    PreparedStatement ho = c.prepareStatement("INSERT INTO est_house_owner (id, house_id, owner_id, share, created_at) VALUES (?, ?, ?, 100.00, ?)")) {
                for (int i = 1; i <= houses; i++) {
                    h.setLong(1, 1000 + i);
                    if (i % 3 == 0) {
                        h.setNull(2, java.sql.Types.BIGINT);
                    } else {
                        h.setLong(2, 20);
                    }
                    h.setString(3, String.format("440404%06dGB%05dF%08d", i, i, i).substring(0, 28));
                    h.setInt(4, i % 30);
                    h.setString(5, (i % 30) + "0" + (i % 4));
                    h.setBigDecimal(6, new java.math.BigDecimal(80 + i % 50 + ".25"));
                    if (i % 5 == 0) {
                        h.setNull(7, java.sql.Types.NUMERIC);
                    } else {
                        h.setBigDecimal(7, new java.math.BigDecimal("79.10"));
                    }
                    h.setObject(8, t.plusSeconds(i));
                    h.setObject(9, t.plusMinutes(i));
                    h.addBatch();
                    o.setLong(1, 5000 + i);
                    o.setString(2, "业主" + i);
                    o.setString(3, "44040419800101" + String.format("%04d", i % 10000));
                    o.setString(4, i % 2 == 0 ? null : "+86 138" + String.format("%08d", i));
                    o.setObject(5, t);
                    o.setObject(6, t);
                    o.addBatch();
                    ho.setLong(1, 9000 + i);
                    ho.setLong(2, 1000 + i);
                    ho.setLong(3, 5000 + i);
                    ho.setObject(4, t);
                    ho.addBatch();
                }
                h.executeBatch();
                o.executeBatch();
                ho.executeBatch();
            }
            c.commit();
        }
    }

    /** Per-table content hashes as the backup computes them, over the given tables' columns. */
    static Map<String, String> hashes(DataSource ds, BackupManifest m) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            for (BackupManifest.TableEntry t : m.tables()) {
                TableDump.Dumped d = TableDump.dump(c, t.name(), t.columns(), null, null, Progress.NONE, new long[1], 0);
                out.put(t.name(), d.rows() + ":" + d.contentHash());
            }
            c.rollback();
        }
        return out;
    }

    static Map<String, String> expected(BackupManifest m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.tables().forEach(t -> out.put(t.name(), t.rows() + ":" + t.contentHash()));
        return out;
    }

    /** data/files and etc/ folders with a few files. */
    static Path dataDir(Path root) throws IOException {
        Path data = root.resolve("data");
        Files.createDirectories(data.resolve("files/ab"));
        Files.write(data.resolve("files/ab/abcdef"), new byte[] {1, 2, 3, 0, (byte) 255});
        Files.writeString(data.resolve("files/ab/abcdef.thumb.jpg"), "thumb", StandardCharsets.UTF_8);
        Files.createDirectories(data.resolve("files/tmp"));
        Files.writeString(data.resolve("files/tmp/upload-in-progress"), "partial", StandardCharsets.UTF_8);
        return data;
    }

    static Path etcDir(Path root) throws IOException {
        Path etc = root.resolve("etc");
        Files.createDirectories(etc);
        Files.writeString(etc.resolve("org.smartproperty.db.cfg"), "url = jdbc:postgresql://db/spm\nuser = spm\n", StandardCharsets.UTF_8);
        return etc;
    }

    static List<String> names(List<Path> paths) {
        return paths.stream().map(p -> p.getFileName().toString()).toList();
    }
}
