package org.smartproperty.notification;

import java.util.List;

/**
 * What a message is about. Each kind has one SMS template per language (zh-CN; zh-TW for Macao
 * numbers) in {@code org/smartproperty/notification/templates*.properties} and an in-app text;
 * {@link #params()} are the template parameters in their fixed order (Tencent's
 * {@code TemplateParamSet} is positional).
 */
public enum MessageKind {
    /** SVC-CMP-1: the complainant is told the complaint was received. */
    COMPLAINT_RECEIVED("no"),
    /** SVC-CMP-2: an officer was assigned a complaint. */
    COMPLAINT_ASSIGNED("no", "deadline"),
    /** SVC-CMP-4: the complainant is told the result. */
    COMPLAINT_RESULT("no", "result"),
    /** SLA-3: a time limit is about to pass (default 75 %). */
    DEADLINE_WARNING("item", "no", "deadline"),
    /** SLA-3: a time limit has passed (escalation). */
    DEADLINE_OVERDUE("item", "no", "deadline"),
    /** SVC-REP-1: a repair request was received. */
    REPAIR_RECEIVED("no"),
    /** SVC-REP-2: a repair was completed / reported back. */
    REPAIR_DONE("no"),
    /** SVC-PAT-1: the result of a patrol. */
    PATROL_RESULT("estate", "result"),
    /** A login or verification code. */
    VERIFICATION_CODE("code", "minutes"),
    /** OC-2: an owners' committee's term ends soon; prepare the re-election. */
    COMMITTEE_TERM_ENDING("committee", "termEnd"),
    /** A general notice (公告). */
    NOTICE("title");

    private final List<String> params;

    MessageKind(String... params) {
        this.params = List.of(params);
    }

    /** Template parameter names in template order. */
    public List<String> params() {
        return params;
    }
}
