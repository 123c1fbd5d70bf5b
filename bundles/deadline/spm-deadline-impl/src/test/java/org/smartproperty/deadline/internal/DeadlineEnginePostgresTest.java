package org.smartproperty.deadline.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** The deadline contract on PostgreSQL (production engine; the monitor's advisory lock), a fresh schema for this class. */
class DeadlineEnginePostgresTest extends DeadlineEngineContract {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @Override
    TestDatabase db() {
        return db;
    }
}
