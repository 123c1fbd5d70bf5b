package org.smartproperty.committee.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** The committee contract on H2 in PostgreSQL mode: the same changelogs and units serve the embedded default. */
class CommitteeServiceEmbeddedTest extends CommitteeServiceContract {

    @RegisterExtension
    static TestDatabase db = TestDatabase.h2();

    @Override
    TestDatabase db() {
        return db;
    }
}
