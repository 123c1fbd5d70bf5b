package org.smartproperty.tender;

/** A tendering rule as data ({@code tnd_rule}): amount and unit CALENDAR_DAYS, WORKING_DAYS or COUNT; 0 allowed. */
public record TenderRule(String code, int amount, String unit, String description, long version) {

    public static final String ANNOUNCEMENT_LEAD = "ANNOUNCEMENT_LEAD";
    public static final String BID_PERIOD = "BID_PERIOD";
    public static final String CLARIFICATION_LEAD = "CLARIFICATION_LEAD";
    public static final String MIN_BIDDERS = "MIN_BIDDERS";
    public static final String MIN_INVITED = "MIN_INVITED";
}
