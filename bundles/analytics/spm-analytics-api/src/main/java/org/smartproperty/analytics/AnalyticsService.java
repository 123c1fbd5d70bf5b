package org.smartproperty.analytics;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * Statistics and rankings over the analytics rollups (ANA-1..6). Reads answer from the rollup tables only (never a scan
 * of the source domains' tables), through the analytics DataSource ({@code SPM_ANALYTICS_DB_URL}, a read replica, default
 * the main database). Scope: a caller with the ALL scope sees everything; a company (COMPANY scope) only its own rows and
 * the rows of the estates while it managed them; any other scope gets 403. Invalid filters are 400 with every field error.
 */
@ProviderType
public interface AnalyticsService {

    /** A ranking page; {@code sort} is a column of the view, {@code -column} descending (default: the view's main column, descending). */
    StatTable statistics(SpmPrincipal caller, AnalyticsView view, AnalyticsFilter filter, String sort, PageRequest page);

    /** The same columns by month over the filter's period (months without data are left out). */
    List<TrendPoint> trend(SpmPrincipal caller, AnalyticsView view, AnalyticsFilter filter);

    /** Incremental maintenance (what the job runs): the changes since the watermarks. */
    RollupRun refresh();

    /** Full rebuild of every rollup from the sources (repair); audited. Needs analytics:rebuild. */
    RollupRun rebuild(SpmPrincipal caller);
}
