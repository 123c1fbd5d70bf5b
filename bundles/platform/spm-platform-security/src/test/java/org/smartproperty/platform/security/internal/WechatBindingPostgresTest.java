package org.smartproperty.platform.security.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** INT-WX: the WeChat bindings on PostgreSQL. */
class WechatBindingPostgresTest extends WechatBindingContract {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @Override
    TestDatabase db() {
        return db;
    }
}
