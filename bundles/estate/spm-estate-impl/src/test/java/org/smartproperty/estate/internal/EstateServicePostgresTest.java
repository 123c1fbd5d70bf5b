package org.smartproperty.estate.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** The estate contract on PostgreSQL (production engine), a fresh schema for this class. */
class EstateServicePostgresTest extends EstateServiceContract {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @Override
    TestDatabase db() {
        return db;
    }
}
