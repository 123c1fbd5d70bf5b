package org.smartproperty.publishing.internal;

import org.smartproperty.platform.security.SpmPrincipal;

/** What the bundle's own components need beyond the API (file access policies). */
public interface PublishingInternals {

    /** Owner kinds of the attachments. */
    String POLICY_FILES = "policy";
    String NOTICE_FILES = "notice";
    String ROUND_FILES = "notice-round";

    /** A policy's attachments: anyone once it is published, the regulator's staff ({@code publishing:read}, scope ALL) always. */
    boolean mayReadPolicyFiles(SpmPrincipal caller, String ownerRef);

    /** A notice's attachments: anyone once published; before, whoever may read the notice in the console. */
    boolean mayReadNoticeFiles(SpmPrincipal caller, String ownerRef);
}
