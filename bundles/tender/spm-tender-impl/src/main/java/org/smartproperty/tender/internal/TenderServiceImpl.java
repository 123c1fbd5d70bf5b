package org.smartproperty.tender.internal;

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
import org.smartproperty.tender.Tender;
import org.smartproperty.tender.TenderInput;
import org.smartproperty.tender.TenderMessages;
import org.smartproperty.tender.TenderService;
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
 * {@link TenderService} on JPA (persistence unit {@code tender}). Starts once the Liquibase extender has applied
 * {@code db/tender.changelog.xml} ({@link SchemaReady} of this bundle); registered under its API interface only.
 */
@Component(service = TenderService.class, configurationPid = "org.smartproperty.tender", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = TenderConfig.class)
public class TenderServiceImpl implements TenderService {

    static final String UNIT = "tender";
    /** The audit object kind (auditKind.tender in the contributions). */
    static final String AUDIT_KIND = "tender";
    private static final Logger LOG = LoggerFactory.getLogger(TenderServiceImpl.class);

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.tender.impl)")
    private SchemaReady schema;

    @Reference
    private AuditTrail audit;

    private volatile int titleMinLength = 1;
    private EntityManagerFactory emf;
    private Transactions tx;

    public TenderServiceImpl() {
    }

    /** Outside OSGi (tests, tools): over an existing persistence unit. */
    TenderServiceImpl(EntityManagerFactory emf, AuditTrail audit) {
        this.emf = emf;
        this.audit = audit;
        this.tx = new Transactions(emf, UNIT);
    }

    @Activate
    void activate(TenderConfig config) {
        configure(config.title_minLength());
        emf = JpaUnits.create(UNIT, dataSource, getClass().getClassLoader());
        tx = new Transactions(emf, UNIT);
    }

    @Modified
    void modified(TenderConfig config) {
        configure(config.title_minLength());
    }

    /** Applies a configuration; a value out of range is refused and logged, the one in force stays. @return whether applied */
    boolean configure(int minLength) {
        if (minLength < 1 || minLength > Tender.TITLE_MAX) {
            LOG.error("title.minLength {} is outside 1..{}; {} stays", minLength, Tender.TITLE_MAX, titleMinLength);
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
    public Page<Tender> list(SpmPrincipal caller, PageRequest page) {
        // every caller with tender:read sees every row; narrow by caller.scope() when the domain has a data scope
        return tx.read(em -> {
            Jpql.Rows<TenderEntity> found = Jpql.page(em, TenderEntity.class, "e", " WHERE 1 = 1", Map.of(), page);
            List<Tender> items = found.rows().stream().map(TenderServiceImpl::toDto).toList();
            return new Page<>(items, page.page(), page.size(), found.total());
        });
    }

    @Override
    public Tender create(SpmPrincipal caller, TenderInput input) {
        Validation v = new Validation(TenderMessages.TEXTS);
        String title = input == null || input.title() == null ? null : input.title().strip();
        if (v.required("title", title) && v.maxLength("title", title, Tender.TITLE_MAX) && title.length() < titleMinLength) {
            v.error("title", "title.tooShort", titleMinLength);
        }
        v.throwIfInvalid();
        String actor = caller.getName();
        return tx.write(em -> {
            Long taken = em.createQuery("SELECT COUNT(e) FROM TenderEntity e WHERE e.title = :t", Long.class)
                    .setParameter("t", title).getSingleResult();
            if (taken > 0) {
                throw ApiException.conflict(TenderMessages.TEXTS, "title.duplicate", title);
            }
            TenderEntity e = new TenderEntity();
            e.title = title;
            e.touchedBy(actor);
            em.persist(e);
            em.flush();
            audit(em, actor, "tender.create", e.id, AuditEvent.summary("title", title));
            return toDto(e);
        });
    }

    private static Tender toDto(TenderEntity e) {
        return new Tender(e.id, e.title, e.getCreatedBy(), e.getCreatedAt(), e.getVersion());
    }

    /** One audit row in the same transaction; {@code summary} is JSON written by Jackson ({@code AuditEvent.summary}). */
    private void audit(EntityManager em, String actor, String action, Object id, String summary) {
        if (audit == null) {
            return;
        }
        audit.append(em.unwrap(java.sql.Connection.class), AuditEvent.of(actor, action, AUDIT_KIND, id, summary));
    }
}
