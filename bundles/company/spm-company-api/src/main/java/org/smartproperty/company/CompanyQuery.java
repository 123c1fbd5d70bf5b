package org.smartproperty.company;

/**
 * Filters of the company list; null means "any".
 *
 * @param name part of the name, case-insensitive
 */
public record CompanyQuery(String name, CompanyStatus status) {

    public static CompanyQuery all() {
        return new CompanyQuery(null, null);
    }
}
