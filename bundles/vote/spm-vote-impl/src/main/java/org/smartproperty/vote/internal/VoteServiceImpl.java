package org.smartproperty.vote.internal;

import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.vote.Vote;
import org.smartproperty.vote.VoteInput;
import org.smartproperty.vote.VoteMessages;
import org.smartproperty.vote.VoteService;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.persistence.Jpql;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.persistence.Transactions;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * {@link VoteService} on JPA (persistence unit {@code vote}). Starts once the Liquibase extender has applied
 * {@code db/vote.changelog.xml} ({@link SchemaReady} of this bundle); registered under its API interface only.
 */
@Component(service = VoteService.class, configurationPid = "org.smartproperty.vote", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = VoteConfig.class)
public class VoteServiceImpl implements VoteService {

    static final String UNIT = "vote";
    /** The audit object kind (auditKind.vote in the contributions). */
    static final String AUDIT_KIND = "vote";
    private static final Logger LOG = LoggerFactory.getLogger(VoteServiceImpl.class);

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.vote.impl)")
    private SchemaReady schema;

    @Reference
    private AuditTrail audit;

    private volatile int titleMinLength = 1;
    private EntityManagerFactory emf;
    private Transactions tx;

    public VoteServiceImpl() {
    }

    /** Outside OSGi (tests, tools): over an existing persistence unit. */
    VoteServiceImpl(EntityManagerFactory emf, AuditTrail audit) {
        this.emf = emf;
        this.audit = audit;
        this.tx = new Transactions(emf, UNIT);
    }

    @Activate
    void activate(VoteConfig config) {
        configure(config.title_minLength());
        emf = JpaUnits.create(UNIT, dataSource, getClass().getClassLoader());
        tx = new Transactions(emf, UNIT);
    }

    @Modified
    void modified(VoteConfig config) {
        configure(config.title_minLength());
    }

    /** Applies a configuration; a value out of range is refused and logged, the one in force stays. @return whether applied */
    boolean configure(int minLength) {
        if (minLength < 1 || minLength > Vote.TITLE_MAX) {
            LOG.error("title.minLength {} is outside 1..{}; {} stays", minLength, Vote.TITLE_MAX, titleMinLength);
            return false;
        }
        titleMinLength = minLength;
        return true;
    }

    @Deactivate
    void deactivate() {
        if (tx != null) {
            tx.close(); // refuses new calls with 503, lets those in flight finish, then closes the unit
        }
    }

    @Override
    public Page<Vote> list(SpmPrincipal caller, PageRequest page) {
        // every caller with vote:read sees every row; narrow by caller.scope() when the domain has a data scope
        return tx.read(em -> {
            Jpql.Rows<VoteEntity> found = Jpql.page(em, VoteEntity.class, "e", " WHERE 1 = 1", Map.of(), page);
            List<Vote> items = found.rows().stream().map(VoteServiceImpl::toDto).toList();
            return new Page<>(items, page.page(), page.size(), found.total());
        });
    }

    @Override
    public Vote create(SpmPrincipal caller, VoteInput input) {
        Validation v = new Validation(VoteMessages.TEXTS);
        String title = input == null || input.title() == null ? null : input.title().strip();
        if (v.required("title", title) && v.maxLength("title", title, Vote.TITLE_MAX) && title.length() < titleMinLength) {
            v.error("title", "title.tooShort", titleMinLength);
        }
        v.throwIfInvalid();
        String actor = caller.getName();
        return tx.write(em -> {
            Long taken = em.createQuery("SELECT COUNT(e) FROM VoteEntity e WHERE e.title = :t", Long.class)
                    .setParameter("t", title).getSingleResult();
            if (taken > 0) {
                throw ApiException.conflict(VoteMessages.TEXTS, "title.duplicate", title);
            }
            VoteEntity e = new VoteEntity();
            e.title = title;
            e.touchedBy(actor);
            em.persist(e);
            em.flush();
            audit(em, actor, "vote.create", e.id, AuditEvent.summary("title", title));
            return toDto(e);
        });
    }

    private static Vote toDto(VoteEntity e) {
        return new Vote(e.id, e.title, e.getCreatedBy(), e.getCreatedAt(), e.getVersion());
    }

    /** One audit row in the same transaction; {@code summary} is JSON written by Jackson ({@code AuditEvent.summary}). */
    private void audit(EntityManager em, String actor, String action, Object id, String summary) {
        if (audit == null) {
            return;
        }
        audit.append(em.unwrap(java.sql.Connection.class), AuditEvent.of(actor, action, AUDIT_KIND, id, summary));
    }
}
