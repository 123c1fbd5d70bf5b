package org.smartproperty.survey.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** The survey contract on H2 in PostgreSQL mode: the same changelog and unit serve the embedded default. */
class SurveyServiceEmbeddedTest extends SurveyServiceContract {

    @RegisterExtension
    static TestDatabase db = TestDatabase.h2();

    @Override
    TestDatabase db() {
        return db;
    }
}
