package org.smartproperty.platform.security.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * Bearer token to principal (account, roles, permissions, data scope) for a few seconds on this node
 * (issue 11 item 4), so that a request does not read four security tables before its own work.
 *
 * <p>Revocation reaches every node through {@code sec_security_revision}: every change that alters
 * what a token may do (revocation, account status, roles, role templates, contributed grants, the
 * operator's {@code spm passwords expire}) adds one to its counter in the change's own transaction
 * ({@link #bump}). Each node reads the counter every {@code revisionCheckMillis} (500 ms by default,
 * on a background thread started by the request that finds the read due) and forgets every principal
 * when it moved; a change made
 * through this node is forgotten at once, after its commit ({@link #changedHere}). An entry also ends
 * after {@code cacheSeconds}, at the token's absolute expiry and at its idle limit, whichever comes
 * first; the next request reads the token again, which is also when {@code last_seen_at} moves.
 *
 * <p>A principal read while a change commits is stored with the counter seen <em>before</em> the
 * read, so the first check after the change drops it. When the counter cannot be read, nothing is
 * served from the cache, and it is read again in the background until it answers (a request then waits
 * for the database only in the token's own read, as without the cache).
 */
final class PrincipalCache {

    private static final Logger LOG = LoggerFactory.getLogger(PrincipalCache.class);
    static final String TABLE = "sec_security_revision";

    /** One cached token: the principal without the request's address. */
    record Entry(SpmPrincipal principal, long revision, long validUntilMillis) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile long revision = Long.MIN_VALUE;
    /** When the last check started (a read is due {@code revisionCheckMillis} after it). */
    private volatile long checkedAt;
    /** When the counter was last read successfully. */
    private volatile long readAt;
    private volatile boolean usable;
    /** The last read of the counter failed: the next ones run in the background. */
    private volatile boolean failing;
    private volatile long cacheMillis;
    private volatile long revisionCheckMillis;
    private final int maxEntries;

    PrincipalCache(long cacheMillis, long revisionCheckMillis, int maxEntries) {
        this.cacheMillis = cacheMillis;
        this.revisionCheckMillis = revisionCheckMillis;
        this.maxEntries = maxEntries;
    }

    void configure(long cacheMillis, long revisionCheckMillis) {
        this.cacheMillis = cacheMillis;
        this.revisionCheckMillis = revisionCheckMillis;
        entries.clear();
    }

    boolean enabled() {
        return cacheMillis > 0;
    }

    /** The cached principal of a token hash, re-addressed to {@code ip}; null when it must be read. */
    SpmPrincipal get(DataSource ds, String tokenHash, String ip, long nowMillis) {
        if (!enabled()) {
            return null;
        }
        checkRevision(ds, nowMillis);
        if (!fresh(nowMillis)) {
            return null;
        }
        Entry e = entries.get(tokenHash);
        if (e == null) {
            return null;
        }
        if (e.revision != revision || nowMillis >= e.validUntilMillis) {
            entries.remove(tokenHash, e);
            return null;
        }
        SpmPrincipal p = e.principal;
        return new SpmPrincipal(p.accountId(), p.username(), p.roles(), p.permissions(), p.scope(), p.fullPersonalData(), ip);
    }

    /** The counter the next read of a token starts from (take it before the read). */
    long revisionBeforeRead() {
        return revision;
    }

    /** Keeps a principal read from the tables, valid until {@code limit} or the cache's own period. */
    void put(String tokenHash, SpmPrincipal p, long revisionBeforeRead, Instant limit, long nowMillis) {
        if (!enabled() || !fresh(nowMillis) || revisionBeforeRead != revision) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.clear(); // a burst of distinct tokens: start over rather than grow without bound
        }
        long until = Math.min(nowMillis + cacheMillis, limit.toEpochMilli());
        entries.put(tokenHash, new Entry(p, revisionBeforeRead, until));
    }

    /** A change committed through this node: forget every principal and read the counter at the next request. */
    void changedHere() {
        entries.clear();
        checkedAt = 0;
    }

    /**
     * Another node's change committed (a cluster event, issue 19 item 1), or events may have been missed:
     * forget every principal, refuse to keep any read that started before now, and read the counter at
     * the next request.
     */
    void dropAll() {
        revision = Long.MIN_VALUE;
        entries.clear();
        checkedAt = 0;
    }

    int size() {
        return entries.size();
    }

    /**
     * The counter was read successfully, and recently enough that a change on another node cannot have
     * gone unseen for longer than a few checks (a read that hangs on a stalled database ends the cache).
     */
    private boolean fresh(long nowMillis) {
        return usable && (revisionCheckMillis == 0 || nowMillis - readAt <= Math.max(2_000, 4 * revisionCheckMillis));
    }

    /**
     * Reads the counter when a check is due. On a node ({@code revisionCheckMillis > 0}) always in the
     * background, so no request waits for it (nor for the pool's timeout while the database is down,
     * OPS-4): until the first read, and whenever the last one is too old, requests read their token from
     * the tables. With {@code revisionCheckMillis = 0} (outside OSGi) in the caller's thread, except
     * after a failure.
     */
    private void checkRevision(DataSource ds, long nowMillis) {
        boolean everyCall = revisionCheckMillis == 0;
        if (usable && !everyCall && nowMillis - checkedAt < revisionCheckMillis) {
            return;
        }
        if (!checking.compareAndSet(false, true)) {
            return; // another thread reads it; until then the entries stand as they are
        }
        checkedAt = nowMillis;
        if (failing || !everyCall) {
            Thread t = new Thread(() -> {
                try {
                    readRevision(ds, System.currentTimeMillis());
                } finally {
                    checking.set(false);
                }
            }, "spm-security-revision");
            t.setDaemon(true);
            t.start();
            return;
        }
        try {
            readRevision(ds, nowMillis);
        } finally {
            checking.set(false);
        }
    }

    private void readRevision(DataSource ds, long nowMillis) {
        try {
            long n = read(ds);
            if (n != revision) {
                entries.clear();
                revision = n;
            }
            readAt = System.currentTimeMillis();
            usable = true;
            if (failing) {
                LOG.info("{} readable again, tokens are cached again", TABLE);
            }
            failing = false;
        } catch (SQLException | RuntimeException e) {
            if (!failing) {
                LOG.warn("{} unreadable, tokens are read from the tables until it answers: {}", TABLE, e.getMessage());
            }
            usable = false;
            failing = true;
            entries.clear();
        }
    }

    private static long read(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT n FROM " + TABLE + " WHERE id = 1")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Adds one to the revision counter in the caller's transaction: every node forgets its cached principals. */
    static void bump(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET n = n + 1 WHERE id = 1")) {
            ps.executeUpdate();
        }
    }
}
