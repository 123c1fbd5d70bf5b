package org.smartproperty.tender.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** The tender contract on PostgreSQL (production engine), a fresh schema for this class. */
class TenderServicePostgresTest extends TenderServiceContract {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @Override
    TestDatabase db() {
        return db;
    }
}
