package org.smartproperty.analytics.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** The analytics contract on H2 in PostgreSQL mode: the same changelog and unit serve the embedded default. */
class AnalyticsServiceEmbeddedTest extends AnalyticsServiceContract {

    @RegisterExtension
    static TestDatabase db = TestDatabase.h2();

    @Override
    TestDatabase db() {
        return db;
    }
}
