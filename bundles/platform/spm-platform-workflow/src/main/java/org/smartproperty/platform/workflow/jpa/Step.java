package org.smartproperty.platform.workflow.jpa;

import java.sql.Connection;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.persistence.EntityManager;

import org.smartproperty.notification.MessageKind;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.platform.workflow.CaseRecord;
import org.smartproperty.platform.workflow.Transition;
import org.smartproperty.platform.workflow.TransitionInput;

/**
 * One transition being fired, as the domain's {@link Effect} sees it: the transaction
 * ({@link #em()}, {@link #connection()}), the time, the caller and the input, and what the effect
 * may change about the record the kernel writes: the timeline action (default the transition's
 * name), the note (default the input's text), structured details (timeline and audit), and
 * notices to send with the transaction.
 */
public final class Step<S extends Enum<S>, C extends CaseRecord<S>> {

    private final CaseWorkflow<S, C> workflow;
    private final EntityManager em;
    private final Connection con;
    private final Instant now;
    private final SpmPrincipal caller;
    private final Transition<S> transition;
    private final TransitionInput input;
    private final C item;
    private final Map<String, Object> details = new LinkedHashMap<>();
    private String action;
    private String note;
    private String attachTo;

    Step(CaseWorkflow<S, C> workflow, EntityManager em, Connection con, Instant now, SpmPrincipal caller, Transition<S> transition,
         TransitionInput input, C item) {
        this.workflow = workflow;
        this.em = em;
        this.con = con;
        this.now = now;
        this.caller = caller;
        this.transition = transition;
        this.input = input;
        this.item = item;
        this.action = transition.name();
        this.note = input.trimmedText();
    }

    public EntityManager em() {
        return em;
    }

    /** The connection of the transaction (for the platform's same-transaction services). */
    public Connection connection() {
        return con;
    }

    public Instant now() {
        return now;
    }

    public SpmPrincipal caller() {
        return caller;
    }

    public Transition<S> transition() {
        return transition;
    }

    public TransitionInput input() {
        return input;
    }

    /** The input's text, trimmed, null when blank. */
    public String text() {
        return input.trimmedText();
    }

    /** Timeline and audit action instead of the transition's name ({@code reschedule}). */
    public Step<S, C> action(String a) {
        action = a;
        return this;
    }

    /** Timeline and audit note instead of the input's text. */
    public Step<S, C> note(String n) {
        note = n == null || n.isBlank() ? null : n.trim();
        return this;
    }

    /** A structured detail of the timeline entry and the audit row ({@code "detail": {…}}). */
    public Step<S, C> detail(String key, Object value) {
        details.put(key, value);
        return this;
    }

    /** Owner kind of this transition's attachments instead of the workflow's default. */
    public Step<S, C> attachTo(String ownerKind) {
        attachTo = ownerKind;
        return this;
    }

    /** An in-app notice to an account, written with the transaction, linking to the item. */
    public void notify(long accountId, MessageKind kind, Map<String, String> params) {
        workflow.notify(con, accountId, kind, params, item);
    }

    /** An SMS to a phone (already chosen by the domain's rules), queued with the transaction; nothing when {@code phone} is null. */
    public void sms(String phone, MessageKind kind, Map<String, String> params) {
        workflow.sms(con, phone, kind, params, item);
    }

    String action() {
        return action;
    }

    String note() {
        return note;
    }

    Map<String, Object> details() {
        return details;
    }

    String attachTo() {
        return attachTo;
    }
}
