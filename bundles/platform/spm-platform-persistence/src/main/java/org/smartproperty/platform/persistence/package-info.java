/**
 * Persistence platform: {@link org.smartproperty.platform.persistence.SchemaReady} (the
 * extender's signal that a bundle's Liquibase changelog is applied),
 * {@link org.smartproperty.platform.persistence.Migrations}, {@link org.smartproperty.platform.persistence.StatementTimeouts}, {@link org.smartproperty.platform.persistence.DatabaseFaults}, {@link org.smartproperty.platform.persistence.JpaUnits},
 * {@link org.smartproperty.platform.persistence.Transactions} and the
 * {@link org.smartproperty.platform.persistence.AuditedEntity} base class.
 *
 * <p>A bundle declares its changelog with the manifest header {@value org.smartproperty.platform.persistence.SchemaReady#CHANGELOG_HEADER}.
 */
@Export
@Version("1.4.0")
package org.smartproperty.platform.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
