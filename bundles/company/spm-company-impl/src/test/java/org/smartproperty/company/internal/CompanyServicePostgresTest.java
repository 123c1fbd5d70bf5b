package org.smartproperty.company.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** The company contract on PostgreSQL (production engine), a fresh schema for this class. */
class CompanyServicePostgresTest extends CompanyServiceContract {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @Override
    TestDatabase db() {
        return db;
    }
}
