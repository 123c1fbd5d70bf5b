package org.smartproperty.complaint.internal;

import static org.smartproperty.complaint.internal.ComplaintServiceImpl.DOMAIN;
import static org.smartproperty.complaint.internal.ComplaintServiceImpl.MAX_PHOTOS;
import static org.smartproperty.complaint.internal.ComplaintServiceImpl.T;
import static org.smartproperty.complaint.internal.ComplaintServiceImpl.blankToNull;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.smartproperty.company.Company;
import org.smartproperty.company.CompanyService;
import org.smartproperty.complaint.Complaint;
import org.smartproperty.complaint.ComplaintChannel;
import org.smartproperty.complaint.ComplaintInput;
import org.smartproperty.complaint.ComplaintStatus;
import org.smartproperty.deadline.TrackedItem;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateService;
import org.smartproperty.notification.Phones;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.workflow.jpa.CaseWorkflow;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * Registration of a complaint (SVC-CMP-1, OWN-5, OCS-8): who may register or file one, the checks
 * of the input (the estate and the company asked of their domains), and the new complaint with its
 * photos, deadline and receipt SMS in one transaction. Part of {@link ComplaintServiceImpl}, split
 * along its duties (issue 10 item 5); transactions, kernel and clock through the service.
 */
final class ComplaintRegistration {

    private final ComplaintServiceImpl owner;
    private final Supplier<EstateService> estates;
    private final Supplier<CompanyService> companies;

    /** {@code estates} and {@code companies}: the service's guarded look-ups (503 while their domain is being updated). */
    ComplaintRegistration(ComplaintServiceImpl owner, Supplier<EstateService> estates, Supplier<CompanyService> companies) {
        this.owner = owner;
        this.estates = estates;
        this.companies = companies;
    }

    public Complaint create(SpmPrincipal caller, ComplaintInput in) {
        boolean registrar = caller.can("complaint:register");
        boolean filer = caller.can("complaint:file");
        if (!registrar && !filer) {
            throw new ApiException(403, "complaint.notHandler", T, null);
        }
        Validation v = new Validation(T);
        if (in == null) {
            v.required("$", null);
            v.throwIfInvalid();
            return null;
        }
        ComplaintChannel channel = in.channel();
        String name = blankToNull(in.complainantName());
        String phone = blankToNull(in.complainantPhone());
        Long estateId = in.estateId();
        DataScope s = caller.scope() == null ? DataScope.NONE : caller.scope();
        if (registrar) {
            if (v.required("channel", channel) && channel.online()) {
                v.error("channel", "channel.staff");
            }
            if (name == null) {
                v.error("complainantName", "complainant.name");
            }
            if (phone == null) {
                v.error("complainantPhone", "complainant.phone");
            }
        } else {
            channel = channel == null ? ComplaintChannel.PORTAL : channel;
            if (!channel.online()) {
                v.error("channel", "channel.online");
            }
            if (s.kind() == DataScope.Kind.COMMITTEE) {
                if (estateId == null && s.estateIds().size() == 1) {
                    estateId = s.estateIds().iterator().next();
                } else if (estateId == null || !s.estateIds().contains(estateId)) {
                    v.error("estateId", "estate.committee");
                }
            }
            Optional<AccountDirectory.Contact> me = owner.directory().contact(caller.accountId());
            if (name == null) {
                name = me.map(AccountDirectory.Contact::displayName).orElse(caller.username());
            }
            if (phone == null) {
                phone = me.map(AccountDirectory.Contact::phone).orElse(null);
            }
        }
        v.maxLength("complainantName", name, 100);
        if (phone != null && !phone.matches("[+0-9 ()\\-]{5,20}")) {
            v.error("complainantPhone", "phone.format");
        }
        v.required("category", in.category());
        if (v.required("title", blankToNull(in.title()))) {
            v.maxLength("title", in.title().trim(), 200);
        }
        if (v.required("content", blankToNull(in.content()))) {
            v.maxLength("content", in.content(), 4000);
        }
        List<AttachmentInput> photos = in.photos() == null ? List.of() : in.photos();
        if (photos.size() > MAX_PHOTOS) {
            v.error("photos", "photos.tooMany", MAX_PHOTOS);
        }
        // the estate and the company must exist; a company complaint about an estate names the company managing it
        Estate estate = null;
        if (estateId != null) {
            try {
                estate = estates.get().get(DataScope.ALL, estateId);
            } catch (ApiException e) {
                if (e.status() != 404) {
                    throw e;
                }
                v.error("estateId", "estate.unknown", estateId);
            }
        }
        if (in.companyId() != null) {
            // the company managing the named estate is accepted as such (estates may name a company the registry does not hold yet)
            boolean managesEstate = estate != null && in.companyId().equals(estate.companyId());
            if (!managesEstate) {
                try {
                    Company company = companies.get().get(DataScope.ALL, in.companyId());
                    if (estate != null && estate.companyId() != null) {
                        v.error("companyId", "company.notOfEstate", company.name());
                    }
                } catch (ApiException e) {
                    if (e.status() != 404) {
                        throw e;
                    }
                    v.error("companyId", "company.unknown", in.companyId());
                }
            }
        }
        v.throwIfInvalid();
        final ComplaintChannel ch = channel;
        final String fName = name;
        final String fPhone = phone;
        final Long fEstate = estateId;
        return owner.tx().write(em -> {
            Instant now = owner.clock().instant();
            ComplaintEntity c = new ComplaintEntity();
            c.number = owner.wf().number(em, now);
            c.channel = ch;
            c.category = in.category();
            c.estateId = fEstate;
            c.companyId = in.companyId();
            c.complainantAccountId = registrar ? null : caller.accountId();
            c.complainantName = fName;
            c.complainantPhone = fPhone == null ? null : Phones.normalize(fPhone).orElse(fPhone);
            c.title = in.title().trim();
            c.content = in.content().trim();
            c.registeredAt = now;
            c.moveTo(ComplaintStatus.REGISTERED, now, caller.username());
            em.persist(c);
            em.flush();
            Connection con = em.unwrap(Connection.class);
            owner.wf().attach(con, photos, caller.username(), DOMAIN, Long.toString(c.id), "photos", true);
            owner.wf().startDeadline(con, new TrackedItem(DOMAIN, c.id, c.category.name(), c.number + " " + c.title, c.estateId, c.companyId,
                    null, registrar ? caller.accountId() : null, now));
            owner.wf().sms(con, owner.smsPhone(c).orElse(null), ComplaintMessageKinds.COMPLAINT_RECEIVED, Map.of("no", c.number), c);
            owner.wf().created(em, caller.username(), c, now, null, CaseWorkflow.fields("number", c.number, "channel", c.channel, "category",
                    c.category, "estateId", c.estateId, "companyId", c.companyId));
            return owner.toDto(em, caller, c, false);
        });
    }
}
