package org.smartproperty.committee.internal;

import static org.smartproperty.committee.internal.CommitteeServiceImpl.blankToNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.smartproperty.committee.Change;
import org.smartproperty.committee.CommitteeInput;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Validation;

/**
 * A committee's own fields (SUP-OC-1, OCS-2): their validation, copying them from the input, and
 * the field-by-field differences the change history records. Shared by the parts of
 * {@link CommitteeServiceImpl} (issue 10 item 5).
 */
final class CommitteeDetails {

    private CommitteeDetails() {
    }

    static void validateDetails(CommitteeInput in, Validation v) {
        if (in == null) {
            v.required("$", null);
            v.throwIfInvalid();
            return;
        }
        if (v.required("name", in.name())) {
            v.maxLength("name", in.name(), 200);
        }
        v.maxLength("address", in.address(), 400);
        if (in.phone() != null && !in.phone().isBlank() && !in.phone().trim().matches("[+0-9 ()\\-]{5,20}")) {
            v.error("phone", "phone.format");
        }
        v.required("electedOn", in.electedOn());
        boolean start = v.required("termStart", in.termStart());
        boolean end = v.required("termEnd", in.termEnd());
        if (start && end && !in.termEnd().isAfter(in.termStart())) {
            v.error("termEnd", "term.order");
        }
    }

    static void apply(CommitteeEntity c, CommitteeInput in) {
        c.name = in.name().trim();
        c.phone = blankToNull(in.phone());
        c.address = blankToNull(in.address());
        c.companyId = in.companyId();
        c.electedOn = in.electedOn();
        c.termStart = in.termStart();
        c.termEnd = in.termEnd();
    }

    static CommitteeEntity copy(CommitteeEntity c) {
        CommitteeEntity b = new CommitteeEntity();
        b.name = c.name;
        b.phone = c.phone;
        b.address = c.address;
        b.companyId = c.companyId;
        b.electedOn = c.electedOn;
        b.termStart = c.termStart;
        b.termEnd = c.termEnd;
        return b;
    }

    static List<Change.FieldChange> diff(CommitteeEntity a, CommitteeEntity b) {
        List<Change.FieldChange> out = new ArrayList<>();
        field(out, "name", a.name, b.name);
        field(out, "phone", a.phone, b.phone);
        field(out, "address", a.address, b.address);
        field(out, "companyId", a.companyId, b.companyId);
        field(out, "electedOn", a.electedOn, b.electedOn);
        field(out, "termStart", a.termStart, b.termStart);
        field(out, "termEnd", a.termEnd, b.termEnd);
        return out;
    }

    static void field(List<Change.FieldChange> out, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            out.add(new Change.FieldChange(name, before == null ? null : before.toString(), after == null ? null : after.toString()));
        }
    }

    static void checkVersion(long current, long expected) {
        if (current != expected) {
            throw ApiException.stale(current);
        }
    }
}
