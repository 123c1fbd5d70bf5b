package org.smartproperty.publishing.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** The publishing contract on PostgreSQL (production engine), a fresh schema for this class. */
class PublishingServicePostgresTest extends PublishingServiceContract {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @Override
    TestDatabase db() {
        return db;
    }
}
