package org.smartproperty.platform.persistence.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * PID {@code org.smartproperty.db}. Each value can be overridden, in this order, by a system
 * property ({@code spm.db.url}, …) and the environment ({@code SPM_DB_URL}, {@code SPM_DB_USER},
 * {@code SPM_DB_PASSWORD}).
 */
@ObjectClassDefinition(id = "org.smartproperty.db", name = "SmartProperty database",
        description = "The one pooled DataSource (spm) every domain uses.")
public @interface DatabaseConfig {

    @AttributeDefinition(description = "JDBC URL: jdbc:h2:file:… (embedded default) or jdbc:postgresql://…; to follow a promoted standby, "
            + "several hosts and targetServerType=primary: jdbc:postgresql://h1:5432,h2:5432/spm?targetServerType=primary")
    String url() default "jdbc:h2:retry:./data/db/spm;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";

    String user() default "sa";

    @AttributeDefinition(type = AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(description = "Maximum connections in the pool", min = "1", max = "200")
    int pool_maxSize() default 10;

    @AttributeDefinition(description = "Milliseconds to wait for a free connection; past it the request is answered 503 "
            + "problem.database.unavailable with Retry-After (no thread waits longer)", min = "250")
    long pool_connectionTimeoutMs() default 10000;

    /**
     * Issue 19 item 2: the longest one SQL statement may run, set on every pooled connection
     * ({@code SET statement_timeout} on PostgreSQL, {@code SET QUERY_TIMEOUT} on H2); a statement past
     * it is cancelled by the server (SQLSTATE 57014) and the request answered 503
     * {@code problem.database.slow} with Retry-After. 0 = no limit. Work that legitimately runs longer
     * (Liquibase migrations) lifts it on its connection ({@code StatementTimeouts.lift}).
     */
    @AttributeDefinition(description = "Milliseconds one SQL statement may run before the database cancels it (503 problem.database.slow); 0 = no limit",
            min = "0")
    long pool_statementTimeoutMs() default 30000;
}
