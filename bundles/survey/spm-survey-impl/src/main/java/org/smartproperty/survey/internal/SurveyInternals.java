package org.smartproperty.survey.internal;

/** What the bundle's own components need of the survey service beyond its API (bundle-private). */
public interface SurveyInternals {

    /** Closes the OPEN surveys whose period ended before today (Asia/Shanghai); @return how many. */
    int closeDue();
}
