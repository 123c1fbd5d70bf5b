package org.smartproperty.inspection.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** The inspection contract on PostgreSQL (production engine), a fresh schema for this class. */
class InspectionServicePostgresTest extends InspectionServiceContract {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @Override
    TestDatabase db() {
        return db;
    }
}
