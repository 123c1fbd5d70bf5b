package org.smartproperty.service.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** The repair and patrol contract on PostgreSQL (production engine), a fresh schema for this class. */
class ServiceWorkflowsPostgresTest extends ServiceWorkflowsContract {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @Override
    TestDatabase db() {
        return db;
    }
}
