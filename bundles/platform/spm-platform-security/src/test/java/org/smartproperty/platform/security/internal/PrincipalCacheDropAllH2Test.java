package org.smartproperty.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.cluster.LocalClusterEvents;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.Role;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * Issue 19 item 1 on the embedded database: a cluster event (or a reset) empties the token cache and refuses
 * to keep a principal whose read started before it (it may hold the state before the other node's commit);
 * on one node the security service hears its own events through {@link LocalClusterEvents}.
 */
class PrincipalCacheDropAllH2Test {

    @RegisterExtension
    static TestDatabase db = TestDatabase.h2();

    static final String IP = "198.51.100.3";
    final SpmPrincipal p = new SpmPrincipal(7, "clerk", Set.of(Role.OFFICER), Set.of("estate:read"), DataScope.ALL, false, IP);

    @BeforeAll
    static void migrate() throws Exception {
        db.migrate("db/security.changelog.xml");
    }

    @Test
    void aReadStartedBeforeTheEventIsNotKept_issue19_item1() {
        PrincipalCache cache = new PrincipalCache(30_000, 0, 10);
        long now = System.currentTimeMillis();
        assertNull(cache.get(db.dataSource(), "h", IP, now));
        long before = cache.revisionBeforeRead();
        cache.dropAll(); // another node committed while this request read the tables
        cache.put("h", p, before, Instant.now().plusSeconds(60), now);
        assertEquals(0, cache.size(), "a read from before the event is not kept");
        assertNull(cache.get(db.dataSource(), "h", IP, now));
        cache.put("h", p, cache.revisionBeforeRead(), Instant.now().plusSeconds(60), now);
        assertNotNull(cache.get(db.dataSource(), "h", IP, now), "a read after it is");
        cache.dropAll();
        assertEquals(0, cache.size());
    }

    @Test
    void onOneNodeTheServiceHearsItsOwnEvents_issue19_item1() throws Exception {
        SecurityServiceImpl s = SecurityServiceImpl.standalone(db.dataSource());
        s.principals().configure(30_000, 0);
        LocalClusterEvents events = new LocalClusterEvents("h2-node");
        s.bindCluster(events);
        long now = System.currentTimeMillis();
        assertNull(s.principals().get(db.dataSource(), "h", IP, now));
        s.principals().put("h", p, s.principals().revisionBeforeRead(), Instant.now().plusSeconds(60), now);
        assertEquals(1, s.principals().size());
        events.publish(null, SecurityEvents.PRINCIPALS, "test");
        assertEquals(0, s.principals().size(), "the event empties the cache");
        s.principals().put("h", p, s.principals().revisionBeforeRead(), Instant.now().plusSeconds(60), now);
        events.resetAll();
        assertEquals(0, s.principals().size(), "a reset too");
        s.unbindCluster(events);
        assertEquals(0, events.listenerCount());
        assertNull(s.principals().get(db.dataSource(), "nothing", IP, now)); // reads the counter again
        s.principals().put("h", p, s.principals().revisionBeforeRead(), Instant.now().plusSeconds(60), now);
        events.publish(null, SecurityEvents.PRINCIPALS, "after unbind");
        assertEquals(1, s.principals().size(), "an unbound service no longer listens");
    }
}
