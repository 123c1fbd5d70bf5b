package org.smartproperty.estate.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** The same sync contract on the embedded H2 default (PostgreSQL mode): JDBC batches, no COPY. */
class RealEstateSyncEmbeddedTest extends RealEstateSyncContract {

    @RegisterExtension
    static TestDatabase db = TestDatabase.h2();

    @Override
    TestDatabase db() {
        return db;
    }

    @Override
    boolean copies() {
        return false;
    }
}
