package org.smartproperty.platform.workflow.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

class WorkflowKernelEmbeddedTest extends WorkflowKernelContract {

    @RegisterExtension
    static TestDatabase db = TestDatabase.h2();

    @Override
    TestDatabase db() {
        return db;
    }
}
