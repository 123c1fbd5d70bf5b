package org.smartproperty.map.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.smartproperty.assessment.AssessmentService;
import org.smartproperty.committee.CommitteeService;
import org.smartproperty.company.CompanyService;
import org.smartproperty.complaint.ComplaintService;
import org.smartproperty.credit.CreditService;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstatePoint;
import org.smartproperty.estate.EstateQuery;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.EstateStatus;
import org.smartproperty.map.Feature;
import org.smartproperty.map.FeatureCollection;
import org.smartproperty.map.MapMessages;
import org.smartproperty.map.MapQuery;
import org.smartproperty.map.MapService;
import org.smartproperty.map.Panel;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.publishing.PublishingService;
import org.smartproperty.service.PatrolService;
import org.smartproperty.service.RepairService;
import org.smartproperty.survey.SurveyService;
import org.smartproperty.tender.TenderService;
import org.smartproperty.vote.VoteService;

/**
 * The one map (MAP-1..11, PMAP). A read-side domain: no tables, every answer is read from the other domains through their
 * exported services, each read one transaction of that domain. Every other domain is a DYNAMIC/OPTIONAL/GREEDY reference read
 * through {@link ApiException#requireAvailable} (503 naming the domain while it is away), so updating any of them never
 * restarts this component. The layers ({@link #estates}) are built here; the thematic layers in {@link ThemeLayers}, the
 * panels in {@link EstatePanels}.
 */
@Designate(ocd = MapConfig.class)
@Component(service = MapService.class, configurationPid = "org.smartproperty.map")
public class MapServiceImpl implements MapService {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile EstateService estateService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile CompanyService companyService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile CommitteeService committeeService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile TenderService tenderService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile VoteService voteService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile PublishingService publishingService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ComplaintService complaintService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile RepairService repairService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile PatrolService patrolService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile SurveyService surveyService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile CreditService creditService;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile AssessmentService assessmentService;

    volatile Settings settings = Settings.DEFAULTS;

    @Activate
    @Modified
    void configure(MapConfig config) {
        settings = Settings.of(config);
    }

    // ------------------------------------------------------------------ the domains, 503 while one is away

    EstateService estates() { return ApiException.requireAvailable(estateService, "estate"); }
    CompanyService companies() { return ApiException.requireAvailable(companyService, "company"); }
    CommitteeService committees() { return ApiException.requireAvailable(committeeService, "committee"); }
    TenderService tenders() { return ApiException.requireAvailable(tenderService, "tender"); }
    VoteService votes() { return ApiException.requireAvailable(voteService, "vote"); }
    PublishingService publishing() { return ApiException.requireAvailable(publishingService, "publishing"); }
    ComplaintService complaints() { return ApiException.requireAvailable(complaintService, "complaint"); }
    RepairService repairs() { return ApiException.requireAvailable(repairService, "service"); }
    PatrolService patrols() { return ApiException.requireAvailable(patrolService, "service"); }
    SurveyService surveys() { return ApiException.requireAvailable(surveyService, "survey"); }
    CreditService credit() { return ApiException.requireAvailable(creditService, "credit"); }
    AssessmentService assessment() { return ApiException.requireAvailable(assessmentService, "assessment"); }

    // ------------------------------------------------------------------ MapService

    @Override
    public FeatureCollection estates(SpmPrincipal caller, MapQuery query, Locale locale) {
        validate(query);
        if (caller != null) {
            require(caller, "estate:read");
        }
        Settings s = settings;
        double[] padded = Geo.pad(query.bbox(), 0.1);
        if (query.zoom() < s.clusterBelowZoom()) {
            // province scale: light points from one indexed query, clustered here (no boundaries below the clustering zoom)
            List<EstatePoint> in = pointsIn(caller, padded, s.layerMaxEstates());
            return FeatureCollection.of(clusters(in, query.zoom(), s.cellPixels()), query.zoom(), true, in.size(), null, null);
        }
        List<Estate> in = estatesIn(caller, padded, s.layerMaxEstates());
        List<Feature> features = new ArrayList<>();
        double tolerance = Geo.tolerance(query.zoom(), s.simplifyPixels());
        for (Estate e : in) {
            if (e.boundary() != null) {
                features.add(Feature.of("estate-" + e.id() + "-boundary", Geo.simplify(e.boundary(), tolerance),
                        properties(e.id(), e.name(), e.community(), e.companyName(), "boundary")));
            }
            if (located(e)) {
                features.add(Feature.of("estate-" + e.id(), Geo.point(e.location().longitude(), e.location().latitude()),
                        properties(e.id(), e.name(), e.community(), e.companyName(), "point")));
            }
        }
        return FeatureCollection.of(features, query.zoom(), false, in.size(), null, null);
    }

    @Override
    public FeatureCollection theme(SpmPrincipal caller, String theme, MapQuery query, Locale locale) {
        if (!THEMES.contains(theme)) {
            throw new ApiException(404, "map.theme.unknown", MapMessages.TEXTS, null, String.valueOf(theme));
        }
        validate(query);
        if (caller == null) {
            throw new ApiException(403, "map.forbidden", MapMessages.TEXTS, null, theme);
        }
        return new ThemeLayers(this).layer(caller, theme, query, locale);
    }

    @Override
    public Panel panel(SpmPrincipal caller, long estateId, String panel, Locale locale) {
        if (!(caller == null ? PUBLIC_PANELS : PANELS).contains(panel)) {
            throw new ApiException(404, "map.panel.unknown", MapMessages.TEXTS, null, String.valueOf(panel));
        }
        return new EstatePanels(this).panel(caller, estateId, panel, locale);
    }

    // ------------------------------------------------------------------ helpers of the layers and panels

    /** 403 {@code map.forbidden} unless the caller holds the permission. */
    static void require(SpmPrincipal caller, String permission) {
        if (!caller.can(permission)) {
            throw new ApiException(403, "map.forbidden", MapMessages.TEXTS, null, permission);
        }
    }

    /** 400 with every field error of the query at once. */
    static void validate(MapQuery query) {
        Validation v = new Validation(MapMessages.TEXTS);
        double[] b = query == null ? null : query.bbox();
        if (b == null) {
            v.error("bbox", "map.bbox.required");
        } else if (b.length != 4 || !(b[0] >= -180 && b[2] <= 180 && b[1] >= -90 && b[3] <= 90 && b[0] < b[2] && b[1] < b[3])) {
            v.error("bbox", "map.bbox.range");
        }
        if (query != null && (query.zoom() < MapQuery.MIN_ZOOM || query.zoom() > MapQuery.MAX_ZOOM)) {
            v.error("zoom", "map.zoom.range", MapQuery.MIN_ZOOM, MapQuery.MAX_ZOOM);
        }
        v.throwIfInvalid();
    }

    /** The estates located in the bbox the caller may see (the public: active ones), at most {@code max}, by id. */
    List<Estate> estatesIn(SpmPrincipal caller, double[] bbox, int max) {
        DataScope scope = caller == null ? DataScope.ALL : caller.scope();
        EstateQuery q = new EstateQuery(null, null, null, EstateStatus.ACTIVE, bbox);
        List<Estate> out = new ArrayList<>();
        for (int page = 0; out.size() < max; page++) {
            Page<Estate> p = estates().list(scope, q, PageRequest.parse(String.valueOf(page), String.valueOf(PageRequest.MAX_SIZE),
                    "id", EstateService.ESTATE_SORT));
            out.addAll(p.items());
            if (p.items().size() < PageRequest.MAX_SIZE || out.size() >= p.total()) {
                break;
            }
        }
        return out.size() > max ? out.subList(0, max) : out;
    }

    static boolean located(Estate e) {
        return e.location() != null && e.location().longitude() != null && e.location().latitude() != null;
    }

    /** The located ACTIVE estates in the bbox the caller may see (the public: all active ones) as light points, at most max. */
    List<EstatePoint> pointsIn(SpmPrincipal caller, double[] bbox, int max) {
        DataScope scope = caller == null ? DataScope.ALL : caller.scope();
        return estates().points(scope, new EstateQuery(null, null, null, EstateStatus.ACTIVE, bbox), max);
    }

    private static Map<String, Object> properties(long id, String name, String community, String companyName, String kind) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kind", kind);
        p.put("estateId", id);
        p.put("name", name);
        p.put("community", community);
        p.put("companyName", companyName);
        return p;
    }

    /** Grid clusters: one feature per cell at the members' mean position; a cell of one estate stays that estate's point. */
    static List<Feature> clusters(List<EstatePoint> estates, int zoom, double cellPixels) {
        Map<Long, List<EstatePoint>> cells = new LinkedHashMap<>();
        for (EstatePoint e : estates) {
            cells.computeIfAbsent(Geo.cell(e.longitude(), e.latitude(), zoom, cellPixels), k -> new ArrayList<>()).add(e);
        }
        List<Feature> out = new ArrayList<>();
        for (Map.Entry<Long, List<EstatePoint>> cell : cells.entrySet()) {
            List<EstatePoint> members = cell.getValue();
            if (members.size() == 1) {
                EstatePoint e = members.get(0);
                out.add(Feature.of("estate-" + e.id(), Geo.point(e.longitude(), e.latitude()),
                        properties(e.id(), e.name(), e.community(), e.companyName(), "point")));
                continue;
            }
            double lon = members.stream().mapToDouble(EstatePoint::longitude).average().orElse(0);
            double lat = members.stream().mapToDouble(EstatePoint::latitude).average().orElse(0);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("kind", "cluster");
            p.put("count", members.size());
            p.put("estateIds", members.stream().limit(100).map(EstatePoint::id).toList());
            out.add(Feature.of("cluster-" + zoom + "-" + cell.getKey(), Geo.point(lon, lat), p));
        }
        return out;
    }
}
