package org.smartproperty.tender;

/** The four reviews of a tender on the review kernel: project (SUP-TND-2), announcement (SUP-TND-3), award (TND-6), contract (DEV-7). */
public enum ReviewStep {
    PROJECT, ANNOUNCEMENT, AWARD, CONTRACT
}
