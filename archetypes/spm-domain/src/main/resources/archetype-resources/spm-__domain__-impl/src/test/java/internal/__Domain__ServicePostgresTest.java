package ${package}.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** The ${domain} contract on PostgreSQL (production engine), a fresh schema for this class. */
class ${Domain}ServicePostgresTest extends ${Domain}ServiceContract {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @Override
    TestDatabase db() {
        return db;
    }
}
