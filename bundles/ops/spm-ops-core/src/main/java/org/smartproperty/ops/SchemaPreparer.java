package org.smartproperty.ops;

import org.osgi.annotation.versioning.ConsumerType;
import java.util.List;
import javax.sql.DataSource;

/**
 * Creates the platform's schema in an empty restore target by applying the bundles' own
 * Liquibase changelogs, in the order the source applied them. {@link LiquibaseSchemas} is the
 * implementation; without one, a restore needs a target the platform has already migrated.
 */
@ConsumerType
public interface SchemaPreparer {

    /** @param bundles bundle symbolic names in the source's execution order */
    void prepare(DataSource target, List<String> bundles);
}
