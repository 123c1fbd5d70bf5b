package org.smartproperty.platform.review.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** The review kernel on PostgreSQL, a fresh schema for this class. */
class ReviewKernelPostgresTest extends ReviewKernelContract {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @Override
    TestDatabase db() {
        return db;
    }
}
