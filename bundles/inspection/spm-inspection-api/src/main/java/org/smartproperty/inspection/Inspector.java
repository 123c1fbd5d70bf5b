package org.smartproperty.inspection;

import java.util.List;

/**
 * An inspector of the pool (检查执法人员, SUP-DR-3, DR-1): bureau staff or staff of an authorised body, the login of their
 * platform account (who may record results for the objects they are drawn for; null when they have none) and their
 * conflicts of interest.
 */
public record Inspector(long id, String name, String unit, UnitKind unitKind, String accountName, List<Tie> ties, boolean active, long version) {

    public static final int NAME_MAX = 100;
    public static final int UNIT_MAX = 200;
    public static final int ACCOUNT_MAX = 64;
    public static final int TIES_MAX = 50;
}
