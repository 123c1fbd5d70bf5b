package org.smartproperty.analytics;

import java.util.Locale;

/**
 * The six statistics (ANA-1..6), each a ranking table and a monthly trend over the rollups. {@link #path()} is the REST
 * path segment ({@code /api/v1/analytics/estates}, …).
 */
public enum AnalyticsView {
    /** ANA-1: by estate — complaints (received, closed, overdue), repairs, satisfaction. */
    ESTATES,
    /** ANA-2: by company — estates, complaints, repairs, satisfaction, filings, assessment, credit grade. */
    COMPANIES,
    /** ANA-3: from the tender results — bids and awards by company. */
    TENDERS,
    /** ANA-4: by estate — votes, complaints, repairs, patrols. */
    SERVICES,
    /** ANA-5: companies (subject COMPANY) or committees (subject COMMITTEE, one per estate) ranked by satisfaction. */
    SATISFACTION,
    /** ANA-6: companies ranked by assessment score and credit grade. */
    ASSESSMENT;

    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The view of a path segment, or null. */
    public static AnalyticsView ofPath(String path) {
        for (AnalyticsView v : values()) {
            if (v.path().equals(path)) {
                return v;
            }
        }
        return null;
    }
}
