package org.smartproperty.platform.persistence.internal;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.RegisterExtension;

class JobEnginePostgresTest extends JobEngineContract {

    @RegisterExtension
    static JobTestDatabase db = new JobTestDatabase(false);

    @Override
    DataSource ds() {
        return db.dataSource();
    }
}
