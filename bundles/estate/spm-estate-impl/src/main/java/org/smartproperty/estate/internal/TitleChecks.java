package org.smartproperty.estate.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.persistence.EntityManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.estate.EstateMessages;
import org.smartproperty.estate.IdType;
import org.smartproperty.estate.TitleVerification;
import org.smartproperty.estate.UnitCode;
import org.smartproperty.estate.registration.RegistryUnavailableException;
import org.smartproperty.estate.registration.TitleAnswer;
import org.smartproperty.estate.registration.TitleRegistry;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Messages;
import org.smartproperty.platform.PersonalData;
import org.smartproperty.platform.persistence.Transactions;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.DataScope;

/** Title verification (OWN-2, INT-REG) for {@link EstateServiceImpl}: the registry's answers, kept per house and owner. */
final class TitleChecks {

    /** Logs under the service's name, as before the split. */
    private static final Logger LOG = LoggerFactory.getLogger(EstateServiceImpl.class);

    private final Transactions tx;
    private final EstateSupport support;
    /** The registration system adapter as bound now (a dynamic reference of the service); null = not connected. */
    private final Supplier<TitleRegistry> registry;

    /** The security bundle's scope revision as bound now; null outside OSGi or while absent (sessions then follow within the token cache's period). */
    private final Supplier<org.smartproperty.platform.security.ScopeChanges> scopeChanges;

    TitleChecks(Transactions tx, EstateSupport support, Supplier<TitleRegistry> registry,
                Supplier<org.smartproperty.platform.security.ScopeChanges> scopeChanges) {
        this.tx = tx;
        this.support = support;
        this.registry = registry;
        this.scopeChanges = scopeChanges;
    }

    /** Issue 12 item 1: every house of the account's own owner records, verified one by one (see {@code EstateService.verifyOwnTitles}). */
    List<TitleVerification> verifyOwnTitles(org.smartproperty.platform.security.AccountIdentity identity, String actor) {
        record Pair(String unitCode, long ownerId) {
        }
        List<Pair> pairs = tx.read(em -> {
            List<Long> owners = ownerIds(em, identity);
            List<Pair> out = new ArrayList<>();
            for (long o : owners) {
                for (String code : em.createQuery("SELECT h.unitCode FROM HouseEntity h, HouseOwnerEntity ho WHERE ho.houseId = h.id AND ho.ownerId = :o "
                        + "ORDER BY h.unitCode", String.class).setParameter("o", o).getResultList()) {
                    out.add(new Pair(code, o));
                }
            }
            return out;
        });
        List<TitleVerification> out = new ArrayList<>();
        for (Pair p : pairs) {
            out.add(verifyTitle(org.smartproperty.platform.security.DataScope.ALL, p.unitCode(), p.ownerId(), actor));
        }
        return out;
    }

    List<Long> ownerIdsOf(org.smartproperty.platform.security.AccountIdentity identity) {
        return tx.read(em -> ownerIds(em, identity));
    }

    /** {@link OwnerIdentities#ownerIds} through the persistence unit (a read outside a transaction has no connection to unwrap). */
    private static List<Long> ownerIds(EntityManager em, org.smartproperty.platform.security.AccountIdentity identity) {
        if (identity == null || identity.idNumber() == null || identity.idNumber().isBlank()) {
            return List.of();
        }
        return em.createQuery("SELECT o FROM OwnerEntity o WHERE o.idNumber = :n ORDER BY o.id", OwnerEntity.class)
                .setParameter("n", org.smartproperty.estate.IdDocuments.normalize(identity.idNumber())).getResultList().stream()
                .filter(o -> OwnerIdentities.compatible(identity, o.idType)).map(o -> o.id).toList();
    }

    /** The owner of a house as the registry is asked about it. */
    private record Subject(long houseId, String unitCode, long ownerId, IdType idType, String idNumber, String name) {
    }

    /**
     * OWN-2: asks the registration system whether the owner holds the house and keeps the answer.
     * The registry is asked between a read and the one write transaction, so no database
     * connection is held during the remote call; the write re-checks that the owner still owns the house.
     */
    TitleVerification verifyTitle(DataScope scope, String unitCode, long ownerId, String actor) {
        String code = UnitCode.normalize(unitCode);
        Subject who = tx.read(em -> subject(em, scope, code, ownerId));
        TitleRegistry r = registry.get();
        if (r == null) {
            throw new ApiException(503, "registry.notConnected", EstateMessages.TEXTS, null);
        }
        TitleAnswer answer;
        try {
            answer = r.lookup(who.unitCode(), who.idType(), who.idNumber(), who.name());
        } catch (RegistryUnavailableException e) {
            LOG.warn("Title verification of {} for owner {} not possible: {}", who.unitCode(), who.ownerId(), e.getMessage());
            throw new ApiException(503, "registry.unavailable", EstateMessages.TEXTS, null);
        }
        if (answer == null) {
            throw new ApiException(503, "registry.unavailable", EstateMessages.TEXTS, null);
        }
        return tx.write(em -> {
            Subject again = subject(em, scope, code, ownerId);
            TitleVerificationEntity v = new TitleVerificationEntity();
            v.houseId = again.houseId();
            v.ownerId = again.ownerId();
            v.verifiedAt = Instant.now();
            v.result = answer.held() ? TitleVerification.HELD : TitleVerification.NOT_HELD;
            v.reason = answer.held() ? null : EstateSupport.cut(answer.reason(), 64);
            v.exclusiveArea = answer.held() ? answer.exclusiveArea() : null;
            v.share = answer.held() ? answer.share() : null;
            v.certificateNumber = answer.held() ? EstateSupport.cut(answer.certificateNumber(), 64) : null;
            v.registeredOn = answer.held() ? answer.registeredOn() : null;
            v.registrySource = answer.source() == null ? "unknown" : EstateSupport.cut(answer.source(), 32);
            v.registryReference = EstateSupport.cut(answer.reference(), 100);
            v.verifiedBy = actor;
            em.persist(v);
            em.flush();
            support.audit(em, actor, "title.verify", "house", again.unitCode(), AuditEvent.summary("owner", again.ownerId(),
                    "result", v.result, "exclusiveArea", v.exclusiveArea, "certificate", v.certificateNumber, "source", v.registrySource,
                    "reference", v.registryReference));
            org.smartproperty.platform.security.ScopeChanges changes = scopeChanges.get();
            if (changes != null) {
                try {
                    changes.changed(em.unwrap(java.sql.Connection.class)); // the owner's sessions gain or lose the house now (issue 12 item 1)
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            OwnerEntity o = em.find(OwnerEntity.class, again.ownerId());
            return toDto(v, again.unitCode(), o, answer.held());
        });
    }

    /** The house (in scope) and one of its owners (an OWNER scope: only itself); 404 otherwise. */
    private static Subject subject(EntityManager em, DataScope scope, String code, long ownerId) {
        HouseEntity h = EstateScopes.findHouseInScope(em, scope, code);
        if (scope != null && scope.kind() == DataScope.Kind.OWNER && !Long.valueOf(ownerId).equals(scope.ownerId())) {
            throw ownerNotFound(ownerId);
        }
        List<OwnerEntity> os = em.createQuery("SELECT o FROM OwnerEntity o, HouseOwnerEntity ho WHERE ho.ownerId = o.id "
                + "AND ho.houseId = :h AND o.id = :o", OwnerEntity.class).setParameter("h", h.id).setParameter("o", ownerId).getResultList();
        if (os.isEmpty()) {
            throw ownerNotFound(ownerId);
        }
        OwnerEntity o = os.get(0);
        return new Subject(h.id, h.unitCode, o.id, o.idType, o.idNumber, o.name);
    }

    private static ApiException ownerNotFound(long ownerId) {
        return new ApiException(404, "problem.notFound", Messages.PLATFORM, null, EstateMessages.TEXTS.text("objects.owner"), String.valueOf(ownerId));
    }

    List<TitleVerification> titleVerifications(DataScope scope, String unitCode) {
        String code = UnitCode.normalize(unitCode);
        return tx.read(em -> {
            HouseEntity h = EstateScopes.findHouseInScope(em, scope, code);
            Set<Long> current = new HashSet<>(em.createQuery("SELECT ho.ownerId FROM HouseOwnerEntity ho WHERE ho.houseId = :h", Long.class)
                    .setParameter("h", h.id).getResultList());
            List<TitleVerificationEntity> latest = new ArrayList<>(latestVerifications(em, List.of(h.id)));
            if (scope != null && scope.kind() == DataScope.Kind.OWNER) {
                latest.removeIf(v -> !Long.valueOf(v.ownerId).equals(scope.ownerId()));
            }
            latest.sort(java.util.Comparator.comparing((TitleVerificationEntity v) -> v.verifiedAt).thenComparing(v -> v.id).reversed());
            List<TitleVerification> out = new ArrayList<>();
            for (TitleVerificationEntity v : latest) {
                OwnerEntity o = em.find(OwnerEntity.class, v.ownerId);
                out.add(toDto(v, h.unitCode, o, TitleVerification.HELD.equals(v.result) && current.contains(v.ownerId)));
            }
            return out;
        });
    }

    /** Per house and owner the latest check (the same rule as the view est_verified_ownership, without the ownership join). */
    static List<TitleVerificationEntity> latestVerifications(EntityManager em, List<Long> houseIds) {
        List<TitleVerificationEntity> out = new ArrayList<>();
        for (int i = 0; i < houseIds.size(); i += EstateSupport.IN_CHUNK) {
            out.addAll(em.createQuery("SELECT v FROM TitleVerificationEntity v WHERE v.houseId IN :ids AND NOT EXISTS ("
                    + "SELECT n FROM TitleVerificationEntity n WHERE n.houseId = v.houseId AND n.ownerId = v.ownerId "
                    + "AND (n.verifiedAt > v.verifiedAt OR (n.verifiedAt = v.verifiedAt AND n.id > v.id)))", TitleVerificationEntity.class)
                    .setParameter("ids", houseIds.subList(i, Math.min(houseIds.size(), i + EstateSupport.IN_CHUNK))).getResultList());
        }
        return out;
    }

    static TitleVerification toDto(TitleVerificationEntity v, String unitCode, OwnerEntity o, boolean verified) {
        return new TitleVerification(v.id, unitCode, v.houseId, v.ownerId, o == null ? null : PersonalData.maskName(o.name), v.verifiedAt,
                v.result, v.reason, v.exclusiveArea, v.share, v.certificateNumber, v.registeredOn, v.registrySource,
                v.registryReference, v.verifiedBy, verified);
    }
}
