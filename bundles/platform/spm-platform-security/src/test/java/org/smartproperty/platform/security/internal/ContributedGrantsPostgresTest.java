package org.smartproperty.platform.security.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

class ContributedGrantsPostgresTest extends ContributedGrantsContract {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @Override
    TestDatabase db() {
        return db;
    }
}
