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

    @AttributeDefinition(description = "JDBC URL: jdbc:h2:file:… (embedded default) or jdbc:postgresql://…")
    String url() default "jdbc:h2:retry:./data/db/spm;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";

    String user() default "sa";

    @AttributeDefinition(type = AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(description = "Maximum connections in the pool", min = "1", max = "200")
    int pool_maxSize() default 10;

    @AttributeDefinition(description = "Milliseconds to wait for a free connection", min = "250")
    long pool_connectionTimeoutMs() default 10000;
}
