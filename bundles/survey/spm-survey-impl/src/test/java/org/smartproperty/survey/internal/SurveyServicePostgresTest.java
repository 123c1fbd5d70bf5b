package org.smartproperty.survey.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** The survey contract on PostgreSQL (production engine), a fresh schema for this class. */
class SurveyServicePostgresTest extends SurveyServiceContract {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @Override
    TestDatabase db() {
        return db;
    }
}
