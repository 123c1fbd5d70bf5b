package org.smartproperty.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** Issue 19 item 4: the byte-level JSON-line to COPY transcoder gives back every value the dump wrote. */
class PgCopyTest {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    static final String[] TRICKY = {"", "plain", "tab\there", "line\nbreak\r\nand cr\r", "back\\slash \\N \\. \\x41", "quote \" and /",
        "控制\u0001\u0008\u000c\u001f字符", "横琴 😀 𠀀 emoji and astral", "\\", ".", "null", "\t", "a\"\\\"b"};

    @Test
    void everyValueRoundTrips_issue19_4() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("CREATE TABLE x_copy (id BIGINT PRIMARY KEY, s TEXT, b BYTEA, ok BOOLEAN, d NUMERIC(12,4), f DOUBLE PRECISION, "
                    + "ts TIMESTAMP WITH TIME ZONE, dt DATE, lt TIMESTAMP)");
            c.commit();
            try (var ps = c.prepareStatement("INSERT INTO x_copy VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < TRICKY.length; i++) {
                    ps.setLong(1, i);
                    ps.setString(2, TRICKY[i]);
                    ps.setBytes(3, i % 3 == 0 ? null : TRICKY[i].getBytes(StandardCharsets.UTF_8));
                    ps.setObject(4, i % 3 == 1 ? null : i % 2 == 0);
                    ps.setBigDecimal(5, i % 4 == 0 ? null : new java.math.BigDecimal("-12345678.1234").movePointLeft(i % 3));
                    ps.setDouble(6, i == 1 ? Double.NaN : i == 2 ? Double.NEGATIVE_INFINITY : i * 1.5e-300);
                    ps.setObject(7, java.time.OffsetDateTime.parse("2026-11-27T00:30:15.12+08:00").plusSeconds(i * 7919L));
                    ps.setObject(8, java.time.LocalDate.of(2026, 2, 28).plusDays(i));
                    ps.setObject(9, java.time.LocalDateTime.of(2026, 2, 28, 23, 59, 59, 999_999_000).plusMinutes(i));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            s.execute("INSERT INTO x_copy (id) VALUES (1000)"); // all null
            List<BackupManifest.Column> cols = new ArrayList<>(Tables.columns(c, "x_copy").values());
            ByteArrayOutputStream part = new ByteArrayOutputStream();
            part.write("[\"header\"]\n".getBytes(StandardCharsets.US_ASCII));
            TableDump.Dumped before = TableDump.dump(c, "x_copy", cols, part, Container.sha256(), Progress.NONE, new long[1], 0);
            s.execute("DELETE FROM x_copy");
            long n = PgCopy.load(c, "x_copy", cols, new ByteArrayInputStream(part.toByteArray()), Progress.NONE, new long[1], 0);
            assertEquals(TRICKY.length + 1, n);
            TableDump.Dumped after = TableDump.dump(c, "x_copy", cols, null, null, Progress.NONE, new long[1], 0);
            assertEquals(before.rows(), after.rows());
            assertEquals(before.contentHash(), after.contentHash());
            try (ResultSet rs = s.executeQuery("SELECT s FROM x_copy WHERE id < 1000 ORDER BY id")) {
                for (String t : TRICKY) {
                    assertTrue(rs.next());
                    assertEquals(t, rs.getString(1));
                }
            }
            // JSON the dump never writes but JSON allows: blanks, \/ \b \f, \\u escapes with a surrogate pair, CRLF, empty lines
            s.execute("DELETE FROM x_copy");
            String json = "header\r\n\r\n [ 7 , \"a\\/b\\b\\f\\u00e9\\ud83d\\ude00\\u005c\\u0009\" , null, true, 1.5, -2E3, \"2026-01-01T00:00:00Z\", "
                    + "\"2026-01-02\", \"2026-01-02T03:04:05\" ]\r\n\n";
            assertEquals(1, PgCopy.load(c, "x_copy", cols, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Progress.NONE, new long[1], 0));
            try (ResultSet rs = s.executeQuery("SELECT s, b, ok, d, f FROM x_copy")) {
                assertTrue(rs.next());
                assertEquals("a/b\b\fé😀\\\t", rs.getString(1));
                assertEquals(null, rs.getBytes(2));
                assertTrue(rs.getBoolean(3));
                assertEquals(0, new java.math.BigDecimal("1.5").compareTo(rs.getBigDecimal(4)));
                assertEquals(-2000.0, rs.getDouble(5));
            }
            // malformed rows fail naming the row
            for (String bad : List.of("[1, \"x\"]", "[1, \"x\", null, true, 1, 1, null, null, null, 5]", "{\"id\": 1}", "[1, \"unterminated]",
                    "[1, \"x\", \"not base64!\", true, 1, 1, null, null, null]")) {
                c.rollback();
                IOException e = assertThrows(IOException.class, () -> PgCopy.load(c, "x_copy", cols,
                        new ByteArrayInputStream(("h\n" + bad + "\n").getBytes(StandardCharsets.UTF_8)), Progress.NONE, new long[1], 0), bad);
                assertTrue(e.getMessage().startsWith("row 0 of x_copy"), e.getMessage());
            }
            c.rollback();
        }
    }
}
