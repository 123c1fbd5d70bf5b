package org.smartproperty.platform.security.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

class ContributedGrantsH2Test extends ContributedGrantsContract {

    @RegisterExtension
    static TestDatabase db = TestDatabase.h2();

    @Override
    TestDatabase db() {
        return db;
    }
}
