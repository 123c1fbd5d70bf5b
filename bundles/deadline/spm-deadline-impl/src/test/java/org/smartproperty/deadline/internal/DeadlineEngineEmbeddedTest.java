package org.smartproperty.deadline.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** The same contract on the embedded H2 default (calendar queries, the monitor's row-lock fallback). */
class DeadlineEngineEmbeddedTest extends DeadlineEngineContract {

    @RegisterExtension
    static TestDatabase db = TestDatabase.h2();

    @Override
    TestDatabase db() {
        return db;
    }
}
