package org.smartproperty.service.internal;

import static org.smartproperty.service.internal.Workflows.T;
import static org.smartproperty.service.internal.Workflows.blankToNull;
import static org.smartproperty.service.internal.Workflows.scope;
import static org.smartproperty.service.internal.RepairServiceImpl.DOMAIN;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.smartproperty.deadline.TrackedItem;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.House;
import org.smartproperty.notification.Phones;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.workflow.jpa.CaseWorkflow;
import org.smartproperty.platform.security.AccountDirectory;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.service.Repair;
import org.smartproperty.service.RepairCategory;
import org.smartproperty.service.RepairInput;
import org.smartproperty.service.RepairStatus;

/**
 * A repair request (SVC-REP-1, OWN-4, OCS-7): who may request one (an owner for its house, a
 * committee for a common area), the checks of the input against the estate domain, and the new
 * repair with its photos, deadline, receipt and the company's notice (COS-6) in one transaction.
 * Part of {@link RepairServiceImpl}, split along its duties (issue 10 item 5); transactions, kernel
 * and clock through the service.
 */
final class RepairRequest {

    private final RepairServiceImpl service;
    private final Supplier<EstateService> estates;

    /** {@code estates}: the service's guarded look-up (503 while the estate domain is being updated). */
    RepairRequest(RepairServiceImpl service, Supplier<EstateService> estates) {
        this.service = service;
        this.estates = estates;
    }

    public Repair create(SpmPrincipal caller, RepairInput in) {
        DataScope s = scope(caller);
        boolean owner = s.kind() == DataScope.Kind.OWNER;
        boolean committee = s.kind() == DataScope.Kind.COMMITTEE;
        if (!caller.can("repair:request") || !(owner || committee)) {
            throw new ApiException(403, "repair.requester", T, null);
        }
        Validation v = new Validation(T);
        if (in == null) {
            v.required("$", null);
            v.throwIfInvalid();
            return null;
        }
        String unitCode = blankToNull(in.unitCode());
        Long estateId = in.estateId();
        String location = blankToNull(in.location());
        if (committee && unitCode != null) {
            v.error("unitCode", "repair.requester");
            unitCode = null;
        }
        if (committee && estateId == null && s.estateIds().size() == 1) {
            estateId = s.estateIds().iterator().next();
        }
        if ((unitCode == null) == (estateId == null)) {
            v.error("unitCode", "repair.target");
        }
        if (unitCode == null && estateId != null && location == null) {
            v.error("location", "location.required");
        }
        v.maxLength("location", location, 200);
        if (v.required("description", blankToNull(in.description()))) {
            v.maxLength("description", in.description(), 4000);
        }
        String phone = blankToNull(in.contactPhone());
        if (phone != null && !phone.matches("[+0-9 ()\\-]{5,20}")) {
            v.error("contactPhone", "phone.format");
        }
        List<AttachmentInput> photos = in.photos() == null ? List.of() : in.photos();
        Workflows.checkPhotoCount(v, "photos", photos, false);
        // the house must be the owner's own; a common area lies in an estate in the caller's scope
        House house = null;
        Estate estate = null;
        if (unitCode != null) {
            try {
                house = estates.get().house(s, unitCode);
                estateId = house.estateId();
            } catch (ApiException e) {
                if (e.status() != 404) {
                    throw e;
                }
                v.error("unitCode", "house.unknown", unitCode);
            }
        } else if (estateId != null) {
            if (committee && !s.estateIds().contains(estateId)) {
                v.error("estateId", "estate.unknown", estateId);
                estateId = null;
            } else {
                try {
                    estates.get().get(s, estateId);
                } catch (ApiException e) {
                    if (e.status() != 404) {
                        throw e;
                    }
                    v.error("estateId", "estate.unknown", estateId);
                    estateId = null;
                }
            }
        }
        if (estateId != null) {
            try {
                estate = estates.get().get(DataScope.ALL, estateId);
                if (estate.companyId() == null) {
                    v.error(house != null ? "unitCode" : "estateId", "estate.noCompany");
                }
            } catch (ApiException e) {
                if (e.status() != 404) {
                    throw e;
                }
                v.error("estateId", "estate.unknown", estateId);
            }
        }
        v.throwIfInvalid();
        Optional<AccountDirectory.Contact> me = service.directory().contact(caller.accountId());
        final String fPhone = phone != null ? phone : me.map(AccountDirectory.Contact::phone).orElse(null);
        final String fName = me.map(AccountDirectory.Contact::displayName).orElse(caller.username());
        final House fHouse = house;
        final Estate fEstate = estate;
        final String fLocation = location;
        final RepairCategory category = in.category() == null ? RepairCategory.NORMAL : in.category();
        return service.tx().write(em -> {
            Instant now = service.clock().instant();
            RepairEntity r = new RepairEntity();
            r.number = service.wf().number(em, now);
            r.estateId = fEstate.id();
            r.companyId = fEstate.companyId();
            r.houseId = fHouse == null ? null : fHouse.id();
            r.unitCode = fHouse == null ? null : fHouse.unitCode();
            r.location = fLocation;
            r.category = category;
            r.description = in.description().trim();
            r.requesterAccountId = caller.accountId();
            r.requesterName = fName;
            r.requesterPhone = fPhone == null ? null : Phones.normalize(fPhone).orElse(fPhone);
            r.requestedAt = now;
            r.moveTo(RepairStatus.REQUESTED, now, caller.username());
            em.persist(r);
            em.flush();
            Connection con = em.unwrap(Connection.class);
            service.wf().attach(con, photos, caller.username(), DOMAIN, Long.toString(r.id), "photos", true);
            // until a user of the company accepts it, warnings and escalations (SLA-3) go to the company's first account
            List<AccountDirectory.Contact> companyAccounts = service.directory().accountsOf(DataScope.company(r.companyId));
            Long companyAccount = companyAccounts.stream().map(AccountDirectory.Contact::accountId).findFirst().orElse(null);
            service.wf().startDeadline(con, new TrackedItem(DOMAIN, r.id, r.category.name(), r.number + " " + RepairServiceImpl.title(r), r.estateId, r.companyId,
                    companyAccount, null, now));
            Map<String, String> params = Map.of("no", r.number);
            service.wf().sms(con, service.smsPhone(r).orElse(null), ServiceMessageKinds.REPAIR_RECEIVED, params, r);
            service.wf().notify(con, r.requesterAccountId, ServiceMessageKinds.REPAIR_RECEIVED, params, r);
            // COS-6: the company learns of the request in its portal at once, in the same transaction
            Map<String, String> forCompany = Map.of("no", r.number, "place", r.unitCode != null ? r.unitCode : String.valueOf(r.location));
            for (AccountDirectory.Contact a : companyAccounts) {
                service.wf().notify(con, a.accountId(), ServiceMessageKinds.REPAIR_NEW, forCompany, r);
            }
            service.wf().created(em, caller.username(), r, now, null, CaseWorkflow.fields("number", r.number, "category", r.category, "estateId",
                    r.estateId, "unitCode", r.unitCode, "companyId", r.companyId));
            return service.toDto(em, caller, r, false);
        });
    }
}
