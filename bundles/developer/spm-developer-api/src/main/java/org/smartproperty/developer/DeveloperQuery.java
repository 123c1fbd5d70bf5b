package org.smartproperty.developer;

/**
 * Filters of the developer list; null means "any".
 *
 * @param name       part of the name, case-insensitive
 * @param creditCode the whole unified social credit code (normalised: upper case, no blanks)
 */
public record DeveloperQuery(String name, String creditCode, DeveloperStatus status) {

    public static DeveloperQuery all() {
        return new DeveloperQuery(null, null, null);
    }
}
