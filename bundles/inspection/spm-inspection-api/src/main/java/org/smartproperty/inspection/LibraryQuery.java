package org.smartproperty.inspection;

/**
 * Filters of the library lists: {@code q} a part of the name (or of the code, for check items), {@code target} the
 * items' target or the objects' kind (not used for inspectors), {@code active}; null means any.
 */
public record LibraryQuery(String q, Target target, Boolean active) {

    public static LibraryQuery all() {
        return new LibraryQuery(null, null, null);
    }
}
