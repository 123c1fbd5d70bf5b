package org.smartproperty.vote.internal;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartproperty.platform.testsupport.TestDatabase;

/** The vote contract on PostgreSQL (production engine), a fresh schema for this class. */
class VoteServicePostgresTest extends VoteServiceContract {

    @RegisterExtension
    static TestDatabase db = new TestDatabase();

    @Override
    TestDatabase db() {
        return db;
    }
}
