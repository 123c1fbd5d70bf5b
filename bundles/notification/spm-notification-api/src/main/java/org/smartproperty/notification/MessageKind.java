package org.smartproperty.notification;

import java.util.List;

/**
 * What a message is about. Each kind has one SMS template per language (zh-CN; zh-TW for Macao
 * numbers) in {@code org/smartproperty/notification/templates*.properties} and an in-app text;
 * {@link #params()} are the template parameters in their fixed order (Tencent's
 * {@code TemplateParamSet} is positional), and a stable {@link #number()}.
 */
public enum MessageKind {
    /** SVC-CMP-1: the complainant is told the complaint was received. */
    COMPLAINT_RECEIVED(0, "no"),
    /** SVC-CMP-2: an officer was assigned a complaint. */
    COMPLAINT_ASSIGNED(1, "no", "deadline"),
    /** SVC-CMP-4: the complainant is told the result. */
    COMPLAINT_RESULT(2, "no", "result"),
    /** SLA-3: a time limit is about to pass (default 75 %). */
    DEADLINE_WARNING(3, "item", "no", "deadline"),
    /** SLA-3: a time limit has passed (escalation). */
    DEADLINE_OVERDUE(4, "item", "no", "deadline"),
    /** SVC-REP-1: a repair request was received. */
    REPAIR_RECEIVED(5, "no"),
    /** SVC-REP-2: a repair was completed / reported back. */
    REPAIR_DONE(6, "no"),
    /** SVC-PAT-1: the result of a patrol. */
    PATROL_RESULT(7, "estate", "result"),
    /** A login or verification code. */
    VERIFICATION_CODE(8, "code", "minutes"),
    /** OC-2: an owners' committee's term ends soon; prepare the re-election. */
    COMMITTEE_TERM_ENDING(10, "committee", "termEnd"),
    /** A general notice (公告). */
    NOTICE(9, "title"),
    /** SVC-REP-1 / COS-6: a new repair request waits for the company's acceptance (in-app to the company's accounts). */
    REPAIR_NEW(11, "no", "place");

    private final int number;
    private final List<String> params;

    MessageKind(int number, String... params) {
        this.number = number;
        this.params = List.of(params);
    }

    /**
     * Stable number of the kind (never reused, independent of the declaration order): part of the
     * provider template ids ({@link SmsTemplates#numericId}). A new kind takes the next free number.
     */
    public int number() {
        return number;
    }

    /** Template parameter names in template order. */
    public List<String> params() {
        return params;
    }
}
