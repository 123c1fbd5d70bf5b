package org.smartproperty.estate.internal;

import static org.smartproperty.estate.internal.RealEstateSyncImpl.IN_CHUNK;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.smartproperty.estate.IdDocuments;
import org.smartproperty.estate.UnitCode;
import org.smartproperty.estate.sync.HouseRecord;

/** INT-RE sync, part of {@link RealEstateSyncImpl}: normalisation shortcuts, IN-list chunks, binding, and id blocks from the JPA sequences ({@link Ids}). */
final class SyncJdbc {

    private SyncJdbc() {
    }


    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** {@link UnitCode#normalize}, without its regular expression when there is nothing to normalise (the usual case). */
    static String unitCode(String raw) {
        return raw == null ? null : plain(raw) ? raw : UnitCode.normalize(raw);
    }

    /** {@link IdDocuments#normalize}, without its regular expression when there is nothing to normalise. */
    static String idNumber(String raw) {
        return raw == null ? null : plain(raw) ? raw : IdDocuments.normalize(raw);
    }

    /** {@link EstateValidation#normalizePhone}, without its regular expression when there is nothing to normalise. */
    static String phone(String raw) {
        if (raw == null) {
            return null;
        }
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            if ((ch < '0' || ch > '9') && ch != '+') {
                return EstateValidation.normalizePhone(raw);
            }
        }
        return raw;
    }

    /** Only ASCII digits and capital letters: what every normalisation above leaves unchanged. */
    static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if ((ch < '0' || ch > '9') && (ch < 'A' || ch > 'Z')) {
                return false;
            }
        }
        return true;
    }

    static <T> List<List<T>> chunks(Collection<T> all) {
        List<T> list = new ArrayList<>(all);
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += IN_CHUNK) {
            out.add(list.subList(i, Math.min(list.size(), i + IN_CHUNK)));
        }
        return out;
    }

    static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    static void bind(PreparedStatement ps, List<?> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ps.setObject(i + 1, values.get(i));
        }
    }

    static long nextval(Connection c, String sequence) throws SQLException {
        return nextval(c, sequence, c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("h2"));
    }

    static long nextval(Connection c, String sequence, boolean h2) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(h2 ? "SELECT NEXT VALUE FOR " + sequence : "SELECT nextval('" + sequence + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * What the run keeps about its connection: id blocks as EclipseLink takes them ({@code nextval}
     * is the END of a block of {@code size} ids), and whether new rows go by COPY (PostgreSQL).
     */
    static final class Ids {
        private final Connection c;
        private final boolean h2;
        final boolean copy;
        /** the prechecks of the houses of the current page */
        Map<HouseRecord, List<String>> prechecked;
        /**
         * time spent per phase (ns): waiting for pages, validating, reading, deciding, writing, committing; then (page at a
         * time) projects and buildings, the stored counts with the audit record, the run's progress record
         */
        final long[] nanos = new long[9];
        private final Map<String, long[]> blocks = new HashMap<>();

        Ids(Connection c) throws SQLException {
            this.c = c;
            this.h2 = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("h2");
            boolean pg = false;
            if (!h2) {
                try {
                    pg = PgCopyRows.usable(c);
                } catch (LinkageError e) { // the driver's API is not visible (optional import unwired)
                    pg = false;
                }
            }
            this.copy = pg;
        }

        long next(String sequence, int size) throws SQLException {
            long[] b = blocks.get(sequence);
            if (b == null || b[0] > b[1]) {
                long end = nextval(c, sequence, h2);
                b = new long[] {end - size + 1, end};
                blocks.put(sequence, b);
            }
            return b[0]++;
        }
    }
}
