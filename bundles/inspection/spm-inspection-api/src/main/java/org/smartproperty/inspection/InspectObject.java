package org.smartproperty.inspection;

/**
 * An inspectable object of the library (检查对象, DR-1): a company ({@code refId} = its company id, {@code companyId} the
 * same) or an estate ({@code refId} = the estate id, {@code companyId} its managing company), with its risk level.
 * The draw excludes inspectors with a conflict of interest with {@code companyId}.
 */
public record InspectObject(long id, Target kind, long refId, String name, long companyId, RiskLevel riskLevel, boolean active, long version) {

    public static final int NAME_MAX = 200;
}
