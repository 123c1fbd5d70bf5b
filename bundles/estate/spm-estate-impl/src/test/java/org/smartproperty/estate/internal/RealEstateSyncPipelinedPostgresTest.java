package org.smartproperty.estate.internal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/**
 * The sync contract on PostgreSQL again with pages prepared ahead of the writer thread (issue 19
 * item 4, {@code spm.realestate.sync.pipelined=true}; off by default): the same results, the same
 * replay of a refused page. Its failure path: {@link RealEstateSyncPostgresTest}.
 */
class RealEstateSyncPipelinedPostgresTest extends RealEstateSyncContract {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @Override
    TestDatabase db() {
        return db;
    }

    @Override
    boolean copies() {
        return true;
    }

    @BeforeAll
    static void pipelinedOn() {
        System.setProperty("spm.realestate.sync.pipelined", "true");
    }

    @AfterAll
    static void pipelinedOff() {
        System.clearProperty("spm.realestate.sync.pipelined");
    }
}
