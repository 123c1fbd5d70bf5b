package org.smartproperty.analytics.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * PID {@code org.smartproperty.analytics} (etc/org.smartproperty.analytics.cfg). The read DataSource: {@code replica.url}
 * (overridden by the system property {@code spm.analytics.db.url} or the environment {@code SPM_ANALYTICS_DB_URL}; empty =
 * the main database), user and password likewise ({@code SPM_ANALYTICS_DB_USER}, {@code SPM_ANALYTICS_DB_PASSWORD}).
 */
@ObjectClassDefinition(name = "SmartProperty analytics")
public @interface AnalyticsConfig {

    @AttributeDefinition(description = "JDBC URL of the read replica the statistics are read from (empty: the main database)")
    String replica_url() default "";

    @AttributeDefinition(description = "User of the read replica")
    String replica_user() default "postgres";

    @AttributeDefinition(description = "Password of the read replica", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String replica_password() default "";

    @AttributeDefinition(description = "Minutes between incremental rollup runs (job analytics.rollup; 0 = disabled)")
    int refresh_intervalMinutes() default 5;

    @AttributeDefinition(description = "Daily full rebuild at this local time HH:mm (job analytics.rebuild; empty = disabled)")
    String rebuild_dailyAt() default "03:30";
}
