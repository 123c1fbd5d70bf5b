package org.smartproperty.ops;

import static org.smartproperty.ops.Tables.*;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.smartproperty.ops.BackupManifest.Column;

/** Writing rows of the portable row format into a table: JDBC batches, or COPY on PostgreSQL ({@link PgCopy}) (OPS-3 restore). */
final class TableLoad {

    private TableLoad() {
    }

    /**
     * Inserts the JSON-line rows of one table part (its header line first) into {@code table} on
     * {@code c}: COPY on PostgreSQL, batches of 1,000 otherwise.
     */
    static long load(Connection c, String table, List<Column> cols, Map<String, Column> target, java.io.InputStream part,
            Progress progress, long[] done, long total) throws SQLException, IOException {
        for (Column col : cols) {
            if (!target.containsKey(col.name())) {
                throw new OpsException("restore.columnMissing", table, col.name());
            }
        }
        if (isPostgres(c) && PgCopy.available()) {
            return PgCopy.load(c, table, cols, part, progress, done, total);
        }
        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(part, java.nio.charset.StandardCharsets.UTF_8), 1 << 16);
        in.readLine(); // header: the manifest has the columns
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (");
        for (int i = 0; i < cols.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(cols.get(i).name());
        }
        sql.append(") VALUES (").append("?, ".repeat(cols.size() - 1)).append("?)");
        int[] nullTypes = new int[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            nullTypes[i] = sqlType(target.get(cols.get(i).name()).type());
        }
        long rows = 0;
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            String line;
            int batch = 0;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                try (JsonParser p = JSON.createParser(line)) {
                    if (p.nextToken() != JsonToken.START_ARRAY) {
                        throw new IOException("row " + rows + " of " + table + " is not an array");
                    }
                    for (int i = 0; i < cols.size(); i++) {
                        JsonToken t = p.nextToken();
                        if (t == JsonToken.VALUE_NULL) {
                            ps.setNull(i + 1, nullTypes[i]);
                        } else {
                            bind(ps, i + 1, cols.get(i).type(), p);
                        }
                    }
                }
                ps.addBatch();
                rows++;
                if (++batch == 1000) {
                    ps.executeBatch();
                    batch = 0;
                }
                if ((++done[0] & 0x3fff) == 0) {
                    progress.update(table, done[0], total);
                }
            }
            if (batch > 0) {
                ps.executeBatch();
            }
        }
        return rows;
    }

    static int sqlType(String type) {
        return switch (type) {
            case "int" -> Types.BIGINT;
            case "dec" -> Types.NUMERIC;
            case "float" -> Types.DOUBLE;
            case "bool" -> Types.BOOLEAN;
            case "date" -> Types.DATE;
            case "ts" -> Types.TIMESTAMP;
            case "tstz" -> Types.TIMESTAMP_WITH_TIMEZONE;
            case "time" -> Types.TIME;
            case "bin" -> Types.VARBINARY;
            default -> Types.VARCHAR;
        };
    }

    static void bind(PreparedStatement ps, int i, String type, JsonParser p) throws SQLException, IOException {
        switch (type) {
            case "int" -> ps.setLong(i, p.getLongValue());
            case "dec" -> ps.setBigDecimal(i, new java.math.BigDecimal(p.getText()));
            case "float" -> ps.setDouble(i, p.currentToken() == JsonToken.VALUE_STRING ? Double.parseDouble(p.getText()) : p.getDoubleValue());
            case "bool" -> ps.setBoolean(i, p.getBooleanValue());
            case "date" -> ps.setObject(i, LocalDate.parse(p.getText()));
            case "ts" -> ps.setObject(i, LocalDateTime.parse(p.getText()));
            case "tstz" -> ps.setObject(i, OffsetDateTime.ofInstant(Instant.parse(p.getText()), ZoneOffset.UTC));
            case "time" -> ps.setObject(i, LocalTime.parse(p.getText()));
            case "bin" -> ps.setBytes(i, Base64.getDecoder().decode(p.getText()));
            default -> ps.setString(i, p.getText());
        }
    }
}
