package org.smartproperty.upgrade;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

class UpgradeFromMainPostgresTest extends UpgradeFromMainContract {

    @RegisterExtension
    static TestDatabase old = new TestDatabase();
    @RegisterExtension
    static TestDatabase fresh = new TestDatabase();
    @RegisterExtension
    static TestDatabase mainFresh = new TestDatabase();

    @Override
    TestDatabase old() {
        return old;
    }

    @Override
    TestDatabase fresh() {
        return fresh;
    }

    @Override
    TestDatabase mainFresh() {
        return mainFresh;
    }
}
