package org.smartproperty.estate.internal;

import java.util.List;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.smartproperty.estate.Building;
import org.smartproperty.estate.BuildingInput;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateInput;
import org.smartproperty.estate.EstateQuery;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.House;
import org.smartproperty.estate.HouseInput;
import org.smartproperty.estate.HouseQuery;
import org.smartproperty.estate.OwnerInput;
import org.smartproperty.estate.TitleVerification;
import org.smartproperty.estate.registration.TitleRegistry;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.persistence.JpaUnits;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.persistence.Transactions;
import org.smartproperty.platform.security.AuditTrail;
import org.smartproperty.platform.security.DataScope;

/**
 * SUP-EST-1 (estates) and SUP-EST-2 (building table, houses, owners) on JPA. Owners are always
 * returned masked (ID-2) until the security issue adds the full-view permission and its audit.
 *
 * <p>The registered service; the work is done by its package-private parts: {@link Estates}
 * (estates, building table), {@link Houses} (houses, owners), {@link TitleChecks} (OWN-2 title
 * verification), over {@link EstateScopes} (data scope, masking) and {@link EstateSupport} (audit, helpers).
 */
@Component(service = EstateService.class)
public class EstateServiceImpl implements EstateService {

    static final String UNIT = "estate";

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.estate.impl)")
    private SchemaReady schema;

    @Reference
    private AuditTrail audit;

    /** INT-REG: the registration system adapter; absent = verification answers 503, nothing else is affected. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile TitleRegistry registry;

    /** Issue 12: verifications move the security revision so sessions follow at once; absent = within the token cache's period. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile org.smartproperty.platform.security.ScopeChanges scopeChanges;

    private EntityManagerFactory emf;
    private Estates estates;
    private Houses houses;
    private TitleChecks titles;

    public EstateServiceImpl() {
    }

    /** Outside OSGi (tests, tools): over an existing persistence unit. */
    /** Outside OSGi (other domains' service tests): the real service over a persistence unit of the estate schema. */
    public static EstateService standalone(EntityManagerFactory emf, AuditTrail audit) {
        return new EstateServiceImpl(emf, audit);
    }

    EstateServiceImpl(EntityManagerFactory emf, AuditTrail audit) {
        this(emf, audit, null);
    }

    /** Outside OSGi with a registration system (tests). */
    EstateServiceImpl(EntityManagerFactory emf, AuditTrail audit, TitleRegistry registry) {
        this.emf = emf;
        this.audit = audit;
        this.registry = registry;
        wire();
    }

    @Activate
    void activate() {
        emf = JpaUnits.create(UNIT, dataSource, getClass().getClassLoader());
        wire();
    }

    private Transactions tx;

    /** The parts over the persistence unit, the audit trail and the registry as bound at each call. */
    private void wire() {
        tx = new Transactions(emf, "estate");
        EstateSupport support = new EstateSupport(audit);
        estates = new Estates(tx, support);
        houses = new Houses(tx, support);
        titles = new TitleChecks(tx, support, () -> registry, () -> scopeChanges);
    }

    @Deactivate
    void deactivate() {
        if (tx != null) {
            tx.close(); // refuses new calls with 503, lets those in flight finish, then closes the unit
        }
    }

    // ---------------------------------------------------------------- estates (SUP-EST-1)

    @Override
    public Page<Estate> list(DataScope scope, EstateQuery q, PageRequest page) {
        return estates.list(scope, q, page);
    }

    @Override
    public List<org.smartproperty.estate.EstatePoint> points(DataScope scope, EstateQuery q, int limit) {
        return estates.points(scope, q, limit);
    }

    @Override
    public Estate get(DataScope scope, long id) {
        return estates.get(scope, id);
    }

    @Override
    public Estate create(EstateInput input, String actor) {
        return estates.create(input, actor);
    }

    @Override
    public Estate update(long id, long expectedVersion, EstateInput input, String actor) {
        return estates.update(id, expectedVersion, input, actor);
    }

    @Override
    public Estate archive(long id, long expectedVersion, String actor) {
        return estates.archive(id, expectedVersion, actor);
    }

    // ---------------------------------------------------------------- building table (SUP-EST-2)

    @Override
    public List<Building> buildings(DataScope scope, long estateId) {
        return estates.buildings(scope, estateId);
    }

    @Override
    public Building createBuilding(long estateId, BuildingInput in, String actor) {
        return estates.createBuilding(estateId, in, actor);
    }

    // ---------------------------------------------------------------- houses and owners

    @Override
    public Page<House> houses(DataScope scope, long estateId, HouseQuery q, PageRequest page) {
        return houses.houses(scope, estateId, q, page);
    }

    @Override
    public House house(DataScope scope, String unitCode) {
        return houses.house(scope, unitCode);
    }

    @Override
    public House houseUnmasked(DataScope scope, String unitCode, String actor) {
        return houses.houseUnmasked(scope, unitCode, actor);
    }

    @Override
    public House createHouse(long estateId, HouseInput input, String actor) {
        return houses.createHouse(estateId, input, actor);
    }

    @Override
    public int createHouses(long estateId, List<HouseInput> inputs, String actor) {
        return houses.createHouses(estateId, inputs, actor);
    }

    @Override
    public House addOwner(String unitCode, OwnerInput owner, String actor) {
        return houses.addOwner(unitCode, owner, actor);
    }

    // ---------------------------------------------------------------- title verification (OWN-2, INT-REG)

    /**
     * {@inheritDoc}
     *
     * <p>The registry is asked between a read and the one write transaction, so no database
     * connection is held during the remote call; the write re-checks that the owner still owns the house.
     */
    @Override
    public TitleVerification verifyTitle(DataScope scope, String unitCode, long ownerId, String actor) {
        return titles.verifyTitle(scope, unitCode, ownerId, actor);
    }

    @Override
    public List<TitleVerification> titleVerifications(DataScope scope, String unitCode) {
        return titles.titleVerifications(scope, unitCode);
    }

    @Override
    public List<TitleVerification> verifyOwnTitles(org.smartproperty.platform.security.AccountIdentity identity, String actor) {
        return titles.verifyOwnTitles(identity, actor);
    }

    @Override
    public List<Long> ownerIdsOf(org.smartproperty.platform.security.AccountIdentity identity) {
        return titles.ownerIdsOf(identity);
    }

    @Override
    public List<Long> ownerIdsOfEstate(long estateId) {
        return tx.read(em -> em.createQuery("SELECT DISTINCT o.ownerId FROM HouseOwnerEntity o, HouseEntity h WHERE h.id = o.houseId"
                + " AND h.estateId = :e ORDER BY o.ownerId", Long.class).setParameter("e", estateId).getResultList());
    }

    @Override
    public org.smartproperty.estate.VotingRegister votingRegister(long estateId) {
        return tx.read(em -> VotingRegisters.read(em, estateId));
    }
}
