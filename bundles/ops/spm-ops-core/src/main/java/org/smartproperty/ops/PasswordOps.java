package org.smartproperty.ops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.smartproperty.platform.Jdbc;
import org.smartproperty.platform.security.audit.AuditChain;
import org.smartproperty.platform.security.AuditEvent;

/**
 * Password rotation (OPS-1): the state of every password account ({@code spm passwords status}),
 * forcing a change at the next login ({@code spm passwords expire}) and a new password for the
 * platform's database role ({@code spm passwords rotate-db}). Plain JDBC on the platform's
 * database, so it works while the platform is down; every change is audited through
 * {@link AuditChain} in the same transaction.
 */
public final class PasswordOps {

    /** The platform default of {@code password.maxAgeDays} (SecurityConfig). */
    public static final int DEFAULT_MAX_AGE_DAYS = 90;
    /** Accounts whose password expires within this many days are EXPIRING. */
    public static final int WARN_DAYS = 14;

    /** States of a password account, worst first. */
    public enum State { EXPIRED, INITIAL, NEVER_CHANGED, LOCKED, EXPIRING, DISABLED, OK }

    /** One password account: roles, when its password was changed, days left before it expires (negative: expired since). */
    public record Account(long id, String username, String status, List<String> roles, Instant changedAt, Long daysLeft, State state) {
    }

    /** Result of {@link #expire}: the accounts now forced to change and the tokens revoked. */
    public record Expired(List<String> usernames, int tokensRevoked) {
    }

    /** Result of {@link #rotateDb}: the role and the file rewritten. */
    public record DbRotation(String role, Path configFile) {
    }

    private PasswordOps() {
    }

    /** {@code password.maxAgeDays} of {@code etc/org.smartproperty.security.cfg}, else {@link #DEFAULT_MAX_AGE_DAYS}. */
    public static int maxAgeDays(Path securityCfg) {
        if (securityCfg == null || !Files.isRegularFile(securityCfg)) {
            return DEFAULT_MAX_AGE_DAYS;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(securityCfg)) {
            p.load(in);
        } catch (IOException e) {
            return DEFAULT_MAX_AGE_DAYS;
        }
        String v = p.getProperty("password.maxAgeDays");
        try {
            int d = v == null ? DEFAULT_MAX_AGE_DAYS : Integer.parseInt(v.trim());
            return d >= 1 && d <= 90 ? d : DEFAULT_MAX_AGE_DAYS; // the platform refuses other values and keeps its default
        } catch (NumberFormatException e) {
            return DEFAULT_MAX_AGE_DAYS;
        }
    }

    /** Every account with a password, worst state first, then by name. */
    public static List<Account> status(DataSource ds, int maxAgeDays, Instant now) {
        Map<Long, List<String>> roles = new LinkedHashMap<>();
        List<Account> out = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT account_id, role FROM sec_account_role ORDER BY account_id, role")) {
                while (rs.next()) {
                    roles.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, username, status, password_changed_at, must_change, locked_until FROM sec_account "
                         + "WHERE password_hash IS NOT NULL ORDER BY username")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    Timestamp changed = rs.getTimestamp(4);
                    Timestamp locked = rs.getTimestamp(6);
                    Instant changedAt = changed == null ? null : changed.toInstant();
                    long secondsLeft = changedAt == null ? 0 : Duration.between(now, changedAt.plus(Duration.ofDays(maxAgeDays))).toSeconds();
                    Long daysLeft = changedAt == null ? null : secondsLeft / 86_400L; // whole days: 0 = expires (or expired) today
                    String status = rs.getString(3);
                    State state;
                    if (!"ACTIVE".equalsIgnoreCase(status) && !"LOCKED".equalsIgnoreCase(status)) {
                        state = State.DISABLED;
                    } else if (changedAt == null) {
                        state = State.NEVER_CHANGED;
                    } else if (secondsLeft < 0) {
                        state = State.EXPIRED;
                    } else if (rs.getBoolean(5)) {
                        state = State.INITIAL;
                    } else if ("LOCKED".equalsIgnoreCase(status) || locked != null && locked.toInstant().isAfter(now)) {
                        state = State.LOCKED;
                    } else if (daysLeft < WARN_DAYS) {
                        state = State.EXPIRING;
                    } else {
                        state = State.OK;
                    }
                    out.add(new Account(id, rs.getString(2), status, List.copyOf(roles.getOrDefault(id, List.of())), changedAt, daysLeft, state));
                }
            }
        } catch (SQLException e) {
            throw new OpsException(e, "passwords.dbFailed", e.getMessage());
        }
        out.sort((a, b) -> a.state() != b.state() ? a.state().compareTo(b.state()) : a.username().compareTo(b.username()));
        return out;
    }

    /** True when an account needs action now: expired, initial password or never changed (exit WARNING). */
    public static boolean needsAction(Account a) {
        return a.state() == State.EXPIRED || a.state() == State.INITIAL || a.state() == State.NEVER_CHANGED;
    }

    /**
     * Forces a password change at the next login of one account ({@code user}) or of every account
     * holding {@code role}: sets {@code must_change}, revokes their tokens (the platform then hands
     * out limited tokens only, so it applies at once) and appends {@code ops.passwords.expire}, all
     * in one transaction. Unknown user or role: {@code passwords.unknownUser/unknownRole}.
     */
    public static Expired expire(DataSource ds, String user, String role, String reason, String actor) {
        if ((user == null) == (role == null)) {
            throw new OpsException("cli.passwordsUserOrRole");
        }
        try {
            return Jdbc.transaction(ds, c -> {
                List<Long> ids = new ArrayList<>();
                List<String> names = new ArrayList<>();
                String sql = user != null ? "SELECT id, username FROM sec_account WHERE username = ? AND password_hash IS NOT NULL"
                        : "SELECT a.id, a.username FROM sec_account a JOIN sec_account_role r ON r.account_id = a.id "
                                + "WHERE r.role = ? AND a.password_hash IS NOT NULL ORDER BY a.username";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, user != null ? user : role);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                            names.add(rs.getString(2));
                        }
                    }
                }
                if (ids.isEmpty()) {
                    throw user != null ? new OpsException("passwords.unknownUser", user) : new OpsException("passwords.unknownRole", role);
                }
                Timestamp now = Timestamp.from(Instant.now());
                int revoked = 0;
                for (long id : ids) {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE sec_account SET must_change = TRUE, updated_at = ?, version = version + 1 WHERE id = ?")) {
                        ps.setTimestamp(1, now);
                        ps.setLong(2, id);
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps = c.prepareStatement("UPDATE sec_token SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL")) {
                        ps.setTimestamp(1, now);
                        ps.setLong(2, id);
                        revoked += ps.executeUpdate();
                    }
                }
                bumpSecurityRevision(c);
                String summary = AuditEvent.summary(user != null ? "user" : "role", user != null ? user : role, "accounts", ids.size(),
                        "tokensRevoked", revoked, "reason", reason);
                AuditChain.append(c, AuditEvent.of(actor, "ops.passwords.expire", user != null ? "account" : "role",
                        user != null ? String.valueOf(ids.get(0)) : role, summary));
                return new Expired(List.copyOf(names), revoked);
            });
        } catch (SQLException e) {
            throw new OpsException(e, "passwords.dbFailed", e.getMessage());
        }
    }

    /**
     * A new random password for the database role {@code user} (PostgreSQL only): the new
     * {@code password} line is first written beside {@code configFile} (mode 600), then
     * {@code ALTER ROLE … PASSWORD} and the audit record {@code ops.passwords.rotate-db} commit in
     * one transaction, then the file is moved over the config atomically. The password is never
     * shown or logged (the driver sends only its SCRAM-SHA-256 verifier). Existing sessions stay valid (PostgreSQL checks a password at login only).
     */
    public static DbRotation rotateDb(String url, String user, String password, Path configFile, int length, String actor) {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new OpsException("passwords.rotateDbNotPostgres");
        }
        if (user == null || user.isBlank()) {
            throw new OpsException("passwords.rotateDbNoUser");
        }
        if (length < 16 || length > 128) {
            throw new OpsException("cli.passwordsLength", length);
        }
        if (configFile == null || !Files.isRegularFile(configFile)) {
            throw new OpsException("passwords.rotateDbNoConfig", String.valueOf(configFile));
        }
        String fresh = randomPassword(length);
        Path tmp = configFile.resolveSibling("." + configFile.getFileName() + ".rotate");
        try {
            writeOwnerOnly(tmp, withPassword(Files.readString(configFile, StandardCharsets.UTF_8), fresh));
        } catch (IOException e) {
            throw new OpsException(e, "passwords.rotateDbFile", configFile, e.getMessage());
        }
        try {
            Jdbc.transaction(new SimpleDataSource(url, user, password), c -> {
                // the driver hashes the password (SCRAM-SHA-256) before sending ALTER USER: the server (and its statement log) never sees it
                c.unwrap(org.postgresql.PGConnection.class).alterUserPassword(user, fresh.toCharArray(), "scram-sha-256");
                AuditChain.append(c, AuditEvent.of(actor, "ops.passwords.rotate-db", "db-role", user,
                        AuditEvent.summary("config", configFile.getFileName().toString(), "length", length)));
                return null;
            });
        } catch (SQLException e) {
            deleteQuietly(tmp);
            throw new OpsException(e, "passwords.rotateDbFailed", user, e.getMessage());
        }
        try {
            Files.move(tmp, configFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the role has the new password; the temp file holds it: the operator must move it by hand
            throw new OpsException(e, "passwords.rotateDbMove", tmp, configFile, e.getMessage());
        }
        return new DbRotation(user, configFile);
    }

    /** The config text with its {@code password} line replaced (other lines and comments kept), or the line appended. */
    static String withPassword(String text, String password) {
        Pattern line = Pattern.compile("^\\s*password\\s*[=:].*$");
        StringBuilder out = new StringBuilder();
        boolean done = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (!done && line.matcher(l).matches()) {
                l = "password = " + password;
                done = true;
            }
            out.append(l);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        if (!done) {
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
            out.append("password = ").append(password).append('\n');
        }
        return out.toString();
    }

    /** Letters and digits only: nothing to escape in SQL, properties files or shells. */
    static String randomPassword(int length) {
        String abc = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom r = new SecureRandom();
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(abc.charAt(r.nextInt(abc.length())));
        }
        return b.toString();
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException ignored) {
            // best effort
        }
    }


    /**
     * Every node's token cache forgets its principals within its revision check (issue 11 item 4):
     * the counter {@code sec_security_revision} the platform reads. Skipped on a database whose
     * security changelog predates it (the platform has not been started since the upgrade).
     */
    static void bumpSecurityRevision(Connection c) throws SQLException {
        boolean present;
        try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), c.getMetaData().storesUpperCaseIdentifiers()
                ? "SEC_SECURITY_REVISION" : "sec_security_revision", null)) {
            present = rs.next();
        }
        if (present) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sec_security_revision SET n = n + 1 WHERE id = 1")) {
                ps.executeUpdate();
            }
        }
    }
}
