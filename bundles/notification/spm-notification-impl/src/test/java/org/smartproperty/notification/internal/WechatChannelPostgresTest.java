package org.smartproperty.notification.internal;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

class WechatChannelPostgresTest extends WechatChannelContract {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @BeforeAll
    static void migrate() throws Exception {
        db.migrate("db/notification.changelog.xml");
    }

    @Override
    DataSource ds() {
        return db.dataSource();
    }
}
