package org.smartproperty.inspection;

/**
 * A check item of the library (抽查事项, SUP-DR-2, DR-1), compiled from the power and responsibility list: its code
 * (unique), name, legal basis, how it is checked and what it applies to. {@code version} is the ETag.
 */
public record CheckItem(long id, String code, String name, String legalBasis, String method, Target target, boolean active, long version) {

    public static final int CODE_MAX = 32;
    public static final int NAME_MAX = 200;
    public static final int LEGAL_BASIS_MAX = 500;
    public static final int METHOD_MAX = 1000;
}
