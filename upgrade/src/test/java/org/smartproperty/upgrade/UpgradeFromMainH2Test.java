package org.smartproperty.upgrade;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

class UpgradeFromMainH2Test extends UpgradeFromMainContract {

    @RegisterExtension
    static TestDatabase old = TestDatabase.h2();
    @RegisterExtension
    static TestDatabase fresh = TestDatabase.h2();
    @RegisterExtension
    static TestDatabase mainFresh = TestDatabase.h2();

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
