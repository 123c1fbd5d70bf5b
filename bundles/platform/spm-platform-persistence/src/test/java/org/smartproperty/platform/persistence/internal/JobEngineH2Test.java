package org.smartproperty.platform.persistence.internal;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.RegisterExtension;

class JobEngineH2Test extends JobEngineContract {

    @RegisterExtension
    static JobTestDatabase db = new JobTestDatabase(true);

    @Override
    DataSource ds() {
        return db.dataSource();
    }
}
