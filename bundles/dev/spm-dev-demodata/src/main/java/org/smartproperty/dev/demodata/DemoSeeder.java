package org.smartproperty.dev.demodata;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A domain's demo data (whiteboard: register it as a service from the domain's demo bundle). spm-dev-demodata
 * calls {@link #seed} once per start of its component, on its background thread, after the estates
 * ({@value #ESTATES}) and after every step {@link #after()} names; the demo accounts ({@value #ACCOUNTS}) are
 * created after every seeder that does not name them (directly or through the steps it runs after), so a seeder
 * that registers companies runs before them and one that files cases as the demo accounts names
 * {@value #ACCOUNTS}.
 *
 * <p>A seeder writes through its domain's services (rules, numbering, audit, deadlines, SMS), is deterministic and
 * idempotent: it skips what exists, so a restart adds nothing. It stops early when {@link DemoContext#running()}
 * turns false. Its bundle names the seeders it registers in the manifest header {@value #HEADER} (comma
 * separated), so the first run waits for them however the bundles start.
 */
@ConsumerType
public interface DemoSeeder {

    /** The built-in first step: the Hengqin estates, buildings, houses and owners. */
    String ESTATES = "estates";

    /** The built-in step that creates the demo accounts ({@code demo-<role>}). */
    String ACCOUNTS = "demo-accounts";

    /** Manifest header of a demo bundle: the names of the seeders it registers. */
    String HEADER = "SPM-DemoSeeder";

    /** The step's name, unique (by convention the domain: {@code company}, {@code complaint}). */
    String name();

    /** The steps this one runs after (other seeders' names, {@link #ESTATES}, {@link #ACCOUNTS}); unknown names are ignored. */
    default Set<String> after() {
        return Set.of(ESTATES);
    }

    /** Seeds what does not exist yet; a RuntimeException marks the step failed (the others still run). */
    void seed(DemoContext context);
}
