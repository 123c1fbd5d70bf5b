package org.smartproperty.assessment.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** The assessment contract on PostgreSQL (production engine), a fresh schema for this class. */
class AssessmentServicePostgresTest extends AssessmentServiceContract {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @Override
    TestDatabase db() {
        return db;
    }
}
