package org.smartproperty.credit.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** The credit contract on PostgreSQL (production engine), a fresh schema for this class. */
class CreditServicePostgresTest extends CreditServiceContract {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @Override
    TestDatabase db() {
        return db;
    }
}
