package org.smartproperty.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A computed indicator's data (SUP-AS-1), provided by the domain that owns the data as an OSGi service (whiteboard): the
 * inspection domain gives {@link #INSPECTION_PASS}, others may give the rest. The assessment looks the metric up by
 * {@link #name()} when a round is closed; a metric no active bundle provides, or a company the metric has no value for,
 * gives no value: 0 points for that indicator, and the report says so ({@link ValueStatus}).
 *
 * <p>Implementations read their own domain's tables on a connection of their own (never the assessment's), are read-only
 * and fast (one query per call); an exception is logged and treated as "no value" for every company.
 */
@ConsumerType
public interface AssessmentMetric {

    /** Complaints per 1,000 houses of the company's estates in the period (lower is better). */
    String COMPLAINT_RATE = "COMPLAINT_RATE";
    /** Share of repairs finished within their time limit, in percent. */
    String REPAIR_ON_TIME = "REPAIR_ON_TIME";
    /** Share of patrol findings closed, in percent. */
    String PATROL_CLOSURE = "PATROL_CLOSURE";
    /** Share of PASS among the PASS and FAIL spot-check results of the company's objects, in percent (SUP-DR-4). */
    String INSPECTION_PASS = "INSPECTION_PASS";
    /** Owners' satisfaction score (SVC-SAT-2), when that domain exists. */
    String SATISFACTION = "SATISFACTION";
    /** The metric names the platform knows of (a COMPUTED indicator may also name a metric a later bundle provides). */
    List<String> KNOWN = List.of(COMPLAINT_RATE, REPAIR_ON_TIME, PATROL_CLOSURE, INSPECTION_PASS, SATISFACTION);

    /** The metric's name, {@code [A-Z][A-Z0-9_]{0,31}}, e.g. {@link #INSPECTION_PASS}. */
    String name();

    /**
     * The metric per company (key: company id) for the days {@code from} .. {@code to} (both included, Asia/Shanghai). A
     * company without data is absent from the map (not 0).
     */
    Map<Long, BigDecimal> values(LocalDate from, LocalDate to);
}
