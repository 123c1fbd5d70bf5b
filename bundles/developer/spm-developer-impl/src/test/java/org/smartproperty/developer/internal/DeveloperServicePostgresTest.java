package org.smartproperty.developer.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** The developer contract on PostgreSQL (production engine), a fresh schema for this class. */
class DeveloperServicePostgresTest extends DeveloperServiceContract {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @Override
    TestDatabase db() {
        return db;
    }
}
