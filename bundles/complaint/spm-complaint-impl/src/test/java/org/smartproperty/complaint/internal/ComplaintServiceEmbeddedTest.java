package org.smartproperty.complaint.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** The complaint contract on the embedded engine (H2, the shipped default). */
class ComplaintServiceEmbeddedTest extends ComplaintServiceContract {

    @RegisterExtension
    static TestDatabase db = TestDatabase.h2();

    @Override
    TestDatabase db() {
        return db;
    }
}
