package org.smartproperty.platform.persistence;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Registered by the Liquibase extender, once per bundle, after that bundle's changelog is
 * applied; service property {@value #BUNDLE_PROPERTY} holds the bundle's symbolic name.
 * An impl component references it with a target filter so it never starts on an old schema:
 * <pre>@Reference(target = "(spm.bundle=org.smartproperty.estate.impl)") SchemaReady schema;</pre>
 */
@ProviderType
public interface SchemaReady {

    /** Manifest header naming the bundle's Liquibase changelog (a path inside the bundle). */
    String CHANGELOG_HEADER = "SPM-Changelog";
    /** Service property: the symbolic name of the migrated bundle. */
    String BUNDLE_PROPERTY = "spm.bundle";

    String bundleSymbolicName();

    String changelog();
}
