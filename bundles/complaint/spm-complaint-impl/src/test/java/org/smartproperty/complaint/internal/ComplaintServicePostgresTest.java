package org.smartproperty.complaint.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** The complaint contract on PostgreSQL (production engine), a fresh schema for this class. */
class ComplaintServicePostgresTest extends ComplaintServiceContract {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @Override
    TestDatabase db() {
        return db;
    }
}
