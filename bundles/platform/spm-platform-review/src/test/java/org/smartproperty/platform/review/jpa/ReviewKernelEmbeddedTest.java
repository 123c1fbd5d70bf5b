package org.smartproperty.platform.review.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** The review kernel on H2 in PostgreSQL mode (the embedded default). */
class ReviewKernelEmbeddedTest extends ReviewKernelContract {

    @RegisterExtension
    static TestDatabase db = TestDatabase.h2();

    @Override
    TestDatabase db() {
        return db;
    }
}
