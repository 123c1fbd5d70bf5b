package org.smartproperty.platform.security.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.platform.security.Cidr;

/**
 * A list of address ranges read from a table ({@code sec_ip_ban}, {@code sec_admin_allow}) that every
 * request consults. Read again once older than {@code maxAgeMillis}, so what {@code spm ip …} writes
 * from outside applies on every node at once (OPS-1). While the database cannot be read (OPS-4) the
 * last known list stays in force and the re-reads move to a background thread, so requests (the
 * health probe first) never wait for the pool's connection timeout because of it.
 */
final class NetworkListCache {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkListCache.class);

    private final String table;
    private final Supplier<List<Cidr>> loader;
    private final long maxAgeMillis;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile List<Cidr> value;
    private volatile long loadedAt;
    private volatile boolean failing;

    NetworkListCache(String table, long maxAgeMillis, Supplier<List<Cidr>> loader) {
        this.table = table;
        this.maxAgeMillis = maxAgeMillis;
        this.loader = loader;
    }

    /** The current list: re-read in the caller's thread while the database answers, in the background while it does not. */
    List<Cidr> get() {
        List<Cidr> v = value;
        if (v != null && System.currentTimeMillis() - loadedAt < maxAgeMillis) {
            return v;
        }
        if (failing && v != null) {
            if (refreshing.compareAndSet(false, true)) {
                Thread t = new Thread(() -> {
                    try {
                        load();
                    } finally {
                        refreshing.set(false);
                    }
                }, "spm-" + table + "-refresh");
                t.setDaemon(true);
                t.start();
            }
            return v;
        }
        load();
        return value;
    }

    /** Forgets the list (after a change made through this node). */
    void invalidate() {
        loadedAt = 0;
    }

    private void load() {
        try {
            value = List.copyOf(loader.get());
            if (failing) {
                LOG.info("{} readable again", table);
            }
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("{} unreadable, keeping the last known list until the database answers: {}", table, e.getMessage());
            }
            failing = true;
            if (value == null) {
                value = List.of();
            }
        }
        loadedAt = System.currentTimeMillis();
    }
}
