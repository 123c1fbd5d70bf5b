package org.smartproperty.committee.internal;

import static org.smartproperty.committee.internal.CommitteeDetails.checkVersion;
import static org.smartproperty.committee.internal.CommitteeServiceImpl.blankToNull;
import static org.smartproperty.committee.internal.CommitteeServiceImpl.checkActive;
import static org.smartproperty.committee.internal.CommitteeServiceImpl.find;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;

import org.smartproperty.committee.Change;
import org.smartproperty.committee.Committee;
import org.smartproperty.committee.CommitteeMessages;
import org.smartproperty.committee.Member;
import org.smartproperty.committee.MemberInput;
import org.smartproperty.committee.Position;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.DataScope;

/**
 * The members of a committee (SUP-OC-2, OCS-3): rule OC-1 on a member list, replacing the list,
 * reading members. Part of {@link CommitteeServiceImpl}, split along its duties (issue 10 item 5); transactions,
 * scope checks and audit through the service.
 */
final class CommitteeMembers {

    private final CommitteeServiceImpl owner;

    CommitteeMembers(CommitteeServiceImpl owner) {
        this.owner = owner;
    }

    /**
     * Rule OC-1: the configured number of members (5–11, odd), each an owner of the estate (asked
     * of the estate service), no owner twice, exactly one HEAD. Adds every problem to {@code v}.
     * {@code estateId} null: only the structure is checked.
     */
    void validateMembers(List<MemberInput> members, Long estateId, Validation v) {
        List<MemberInput> ms = members == null ? List.of() : members;
        CommitteeRules r = owner.rules();
        if (!r.memberCountAllowed(ms.size())) {
            v.error("members", "members.count", ms.size(), r.minMembers(), r.maxMembers());
        }
        Set<Long> seen = new HashSet<>();
        int heads = 0;
        List<Integer> ownersToCheck = new ArrayList<>();
        for (int i = 0; i < ms.size(); i++) {
            MemberInput m = ms.get(i);
            String f = "members[" + i + "]";
            if (m == null) {
                v.required(f, null);
                continue;
            }
            boolean hasOwner = v.required(f + ".ownerId", m.ownerId());
            if (v.required(f + ".name", m.name())) {
                v.maxLength(f + ".name", m.name(), 100);
            }
            if (m.phone() != null && !m.phone().isBlank() && !m.phone().trim().matches("[+0-9 ()\\-]{5,20}")) {
                v.error(f + ".phone", "phone.format");
            }
            if (v.required(f + ".position", m.position()) && m.position() == Position.HEAD) {
                heads++;
            }
            if (hasOwner) {
                if (!seen.add(m.ownerId())) {
                    v.error(f + ".ownerId", "members.duplicate", m.ownerId());
                } else {
                    ownersToCheck.add(i);
                }
            }
        }
        if (heads != 1) {
            v.error("members", "members.head");
        }
        if (estateId == null) {
            return;
        }
        for (int i : ownersToCheck) {
            MemberInput m = ms.get(i);
            if (!owner.ownsHouseIn(m.ownerId(), estateId)) {
                v.error("members[" + i + "].ownerId", "members.notOwner", m.name() == null ? "" : m.name().trim(), m.ownerId());
            }
        }
    }

    public List<Member> members(DataScope scope, long id) {
        return owner.tx().read(em -> members(em, owner.findInScope(em, scope, id).id));
    }

    public Committee replaceMembers(DataScope scope, long id, long expectedVersion, List<MemberInput> members, String actor) {
        writeMembers(scope, id, expectedVersion, members, actor);
        return owner.tx().read(em -> owner.toDto(em, find(em, id))); // the version incremented at commit
    }

    private long writeMembers(DataScope scope, long id, long expectedVersion, List<MemberInput> members, String actor) {
        long estateId = owner.tx().read(em -> owner.findInScope(em, scope, id).estateId);
        Validation v = new Validation(CommitteeMessages.TEXTS);
        validateMembers(members, estateId, v);
        v.throwIfInvalid();
        return owner.tx().write(em -> {
            CommitteeEntity c = owner.findInScope(em, scope, id);
            checkVersion(c.getVersion(), expectedVersion);
            checkActive(c);
            String before = describeMembers(members(em, c.id));
            em.createQuery("DELETE FROM MemberEntity m WHERE m.committeeId = :c").setParameter("c", c.id).executeUpdate();
            writeMembers(em, c.id, members);
            // members live in their own table: the committee's version (its ETag) moves with them
            em.flush();
            em.createQuery("UPDATE CommitteeEntity c SET c.version = c.version + 1 WHERE c.id = :id AND c.version = :v")
                    .setParameter("id", c.id).setParameter("v", expectedVersion).executeUpdate();
            em.refresh(c);
            c.touchedBy(actor);
            em.flush();
            owner.changeLog.history(em, c.id, "members", List.of(new Change.FieldChange("members", before, describe(members))), actor);
            owner.audit(em, actor, "committee.members", c.id, AuditEvent.summary("count", members.size()));
            return c.id;
        });
    }

    static void writeMembers(EntityManager em, long committeeId, List<MemberInput> members) {
        int i = 0;
        for (MemberInput m : members) {
            MemberEntity e = new MemberEntity();
            e.committeeId = committeeId;
            e.ownerId = m.ownerId();
            e.name = m.name().trim();
            e.phone = blankToNull(m.phone());
            e.position = m.position();
            e.sortOrder = i++;
            em.persist(e);
        }
        em.flush();
    }

    private static List<Member> members(EntityManager em, long committeeId) {
        return membersOf(em, List.of(committeeId)).getOrDefault(committeeId, List.of());
    }

    static Map<Long, List<Member>> membersOf(EntityManager em, List<Long> committeeIds) {
        Map<Long, List<Member>> out = new HashMap<>();
        if (committeeIds.isEmpty()) {
            return out;
        }
        for (MemberEntity m : em.createQuery("SELECT m FROM MemberEntity m WHERE m.committeeId IN :ids ORDER BY m.committeeId, m.sortOrder",
                MemberEntity.class).setParameter("ids", committeeIds).getResultList()) {
            out.computeIfAbsent(m.committeeId, k -> new ArrayList<>()).add(new Member(m.ownerId, m.name, m.phone, m.position));
        }
        return out;
    }

    static String describe(List<MemberInput> ms) {
        return ms.stream().map(m -> m.name().trim() + "(" + m.ownerId() + ") " + m.position()).collect(Collectors.joining("; "));
    }

    private static String describeMembers(List<Member> ms) {
        return ms.stream().map(m -> m.name() + "(" + m.ownerId() + ") " + m.position()).collect(Collectors.joining("; "));
    }
}
