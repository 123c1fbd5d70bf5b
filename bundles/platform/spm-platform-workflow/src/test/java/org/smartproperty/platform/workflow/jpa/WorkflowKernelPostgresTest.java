package org.smartproperty.platform.workflow.jpa;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

class WorkflowKernelPostgresTest extends WorkflowKernelContract {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @Override
    TestDatabase db() {
        return db;
    }
}
