package org.smartproperty.dev.demodata;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.smartproperty.estate.Estate;

/** What spm-dev-demodata hands to each {@link DemoSeeder}: the demo estates and the facts of the data set. */
@ProviderType
public interface DemoContext {

    /** The actor of the seeding calls that take one ({@code demo-seed}). */
    String actor();

    /** False once the component stops: a seeder returns after its current call. */
    boolean running();

    /** The clock the seeders count back from (the system clock; a fixed one in tests). */
    Clock clock();

    /** The demo estates present ({@code HQ-DEMO-nnn}), in project-code order: the first is 澳门新街坊, where the demo accounts live. */
    List<Estate> estates();

    /** The property companies the demo estates name ({@link Estate#companyName()}), in the data set's fixed order. */
    List<String> propertyCompanies();

    /** The owner of the house as the data set made them, unmasked (the estate service shows them masked), if it is a demo house with one owner. */
    Optional<Owner> owner(String unitCode);

    /** demo-owner's house: the first owner of the first sold house of the first demo estate. */
    Optional<OwnerHouse> demoOwnerHouse();

    /** An owner of the data set: name and phone as seeded. */
    record Owner(String name, String phone) {
    }

    /** An owner (estate service id) and their house. */
    record OwnerHouse(long ownerId, String unitCode) {
    }
}
