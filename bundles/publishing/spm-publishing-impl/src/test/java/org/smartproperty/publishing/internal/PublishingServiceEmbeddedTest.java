package org.smartproperty.publishing.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** The publishing contract on H2 in PostgreSQL mode: the same changelog and unit serve the embedded default. */
class PublishingServiceEmbeddedTest extends PublishingServiceContract {

    @RegisterExtension
    static TestDatabase db = TestDatabase.h2();

    @Override
    TestDatabase db() {
        return db;
    }
}
