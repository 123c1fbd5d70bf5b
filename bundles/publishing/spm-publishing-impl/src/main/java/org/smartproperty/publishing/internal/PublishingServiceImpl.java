package org.smartproperty.publishing.internal;

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
import org.smartproperty.publishing.Publishing;
import org.smartproperty.publishing.PublishingInput;
import org.smartproperty.publishing.PublishingMessages;
import org.smartproperty.publishing.PublishingService;
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
 * {@link PublishingService} on JPA (persistence unit {@code publishing}). Starts once the Liquibase extender has applied
 * {@code db/publishing.changelog.xml} ({@link SchemaReady} of this bundle); registered under its API interface only.
 */
@Component(service = PublishingService.class, configurationPid = "org.smartproperty.publishing", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PublishingConfig.class)
public class PublishingServiceImpl implements PublishingService {

    static final String UNIT = "publishing";
    /** The audit object kind (auditKind.publishing in the contributions). */
    static final String AUDIT_KIND = "publishing";
    private static final Logger LOG = LoggerFactory.getLogger(PublishingServiceImpl.class);

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.publishing.impl)")
    private SchemaReady schema;

    @Reference
    private AuditTrail audit;

    private volatile int titleMinLength = 1;
    private EntityManagerFactory emf;
    private Transactions tx;

    public PublishingServiceImpl() {
    }

    /** Outside OSGi (tests, tools): over an existing persistence unit. */
    PublishingServiceImpl(EntityManagerFactory emf, AuditTrail audit) {
        this.emf = emf;
        this.audit = audit;
        this.tx = new Transactions(emf, UNIT);
    }

    @Activate
    void activate(PublishingConfig config) {
        configure(config.title_minLength());
        emf = JpaUnits.create(UNIT, dataSource, getClass().getClassLoader());
        tx = new Transactions(emf, UNIT);
    }

    @Modified
    void modified(PublishingConfig config) {
        configure(config.title_minLength());
    }

    /** Applies a configuration; a value out of range is refused and logged, the one in force stays. @return whether applied */
    boolean configure(int minLength) {
        if (minLength < 1 || minLength > Publishing.TITLE_MAX) {
            LOG.error("title.minLength {} is outside 1..{}; {} stays", minLength, Publishing.TITLE_MAX, titleMinLength);
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
    public Page<Publishing> list(SpmPrincipal caller, PageRequest page) {
        // every caller with publishing:read sees every row; narrow by caller.scope() when the domain has a data scope
        return tx.read(em -> {
            Jpql.Rows<PublishingEntity> found = Jpql.page(em, PublishingEntity.class, "e", " WHERE 1 = 1", Map.of(), page);
            List<Publishing> items = found.rows().stream().map(PublishingServiceImpl::toDto).toList();
            return new Page<>(items, page.page(), page.size(), found.total());
        });
    }

    @Override
    public Publishing create(SpmPrincipal caller, PublishingInput input) {
        Validation v = new Validation(PublishingMessages.TEXTS);
        String title = input == null || input.title() == null ? null : input.title().strip();
        if (v.required("title", title) && v.maxLength("title", title, Publishing.TITLE_MAX) && title.length() < titleMinLength) {
            v.error("title", "title.tooShort", titleMinLength);
        }
        v.throwIfInvalid();
        String actor = caller.getName();
        return tx.write(em -> {
            Long taken = em.createQuery("SELECT COUNT(e) FROM PublishingEntity e WHERE e.title = :t", Long.class)
                    .setParameter("t", title).getSingleResult();
            if (taken > 0) {
                throw ApiException.conflict(PublishingMessages.TEXTS, "title.duplicate", title);
            }
            PublishingEntity e = new PublishingEntity();
            e.title = title;
            e.touchedBy(actor);
            em.persist(e);
            em.flush();
            audit(em, actor, "publishing.create", e.id, AuditEvent.summary("title", title));
            return toDto(e);
        });
    }

    private static Publishing toDto(PublishingEntity e) {
        return new Publishing(e.id, e.title, e.getCreatedBy(), e.getCreatedAt(), e.getVersion());
    }

    /** One audit row in the same transaction; {@code summary} is JSON written by Jackson ({@code AuditEvent.summary}). */
    private void audit(EntityManager em, String actor, String action, Object id, String summary) {
        if (audit == null) {
            return;
        }
        audit.append(em.unwrap(java.sql.Connection.class), AuditEvent.of(actor, action, AUDIT_KIND, id, summary));
    }
}
