package org.smartproperty.platform.security.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** INT-WX: the WeChat bindings on the embedded H2 engine. */
class WechatBindingH2Test extends WechatBindingContract {

    @RegisterExtension
    static TestDatabase db = TestDatabase.h2();

    @Override
    TestDatabase db() {
        return db;
    }
}
