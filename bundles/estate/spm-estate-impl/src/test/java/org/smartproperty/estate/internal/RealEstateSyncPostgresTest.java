package org.smartproperty.estate.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** The sync contract on PostgreSQL: new houses, owners and links go by COPY. */
class RealEstateSyncPostgresTest extends RealEstateSyncContract {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @Override
    TestDatabase db() {
        return db;
    }

    @Override
    boolean copies() {
        return true;
    }
}
