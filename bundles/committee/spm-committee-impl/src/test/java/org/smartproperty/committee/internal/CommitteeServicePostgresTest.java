package org.smartproperty.committee.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** The committee contract on PostgreSQL (production engine), a fresh schema for this class. */
class CommitteeServicePostgresTest extends CommitteeServiceContract {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @Override
    TestDatabase db() {
        return db;
    }
}
