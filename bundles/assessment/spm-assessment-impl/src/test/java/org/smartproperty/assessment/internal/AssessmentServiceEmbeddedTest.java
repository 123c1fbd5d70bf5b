package org.smartproperty.assessment.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** The assessment contract on H2 in PostgreSQL mode: the same changelog and unit serve the embedded default. */
class AssessmentServiceEmbeddedTest extends AssessmentServiceContract {

    @RegisterExtension
    static TestDatabase db = TestDatabase.h2();

    @Override
    TestDatabase db() {
        return db;
    }
}
