package org.smartproperty.analytics;

/**
 * What a statistic covers: months {@code from}..{@code to} as yyyymm (inclusive; null = open), and optionally one estate,
 * one company, one community (社区, the estates' {@code community}). {@code subject} is for {@link AnalyticsView#SATISFACTION}
 * only: {@code COMPANY} (default) or {@code COMMITTEE}.
 */
public record AnalyticsFilter(Integer from, Integer to, Long estateId, Long companyId, String community, String subject) {

    public static final AnalyticsFilter ALL = new AnalyticsFilter(null, null, null, null, null, null);

    public boolean committees() {
        return "COMMITTEE".equals(subject);
    }
}
