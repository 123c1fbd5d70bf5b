package org.smartproperty.inspection.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** The inspection contract on H2 in PostgreSQL mode: the same changelog and unit serve the embedded default. */
class InspectionServiceEmbeddedTest extends InspectionServiceContract {

    @RegisterExtension
    static TestDatabase db = TestDatabase.h2();

    @Override
    TestDatabase db() {
        return db;
    }
}
