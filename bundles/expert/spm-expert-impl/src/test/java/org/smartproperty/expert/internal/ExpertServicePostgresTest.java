package org.smartproperty.expert.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** The expert contract on PostgreSQL (production engine), a fresh schema for this class. */
class ExpertServicePostgresTest extends ExpertServiceContract {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @Override
    TestDatabase db() {
        return db;
    }
}
