package org.smartproperty.map.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.smartproperty.assessment.AssessmentService;
import org.smartproperty.assessment.Result;
import org.smartproperty.assessment.Round;
import org.smartproperty.assessment.RoundQuery;
import org.smartproperty.assessment.RoundStatus;
import org.smartproperty.credit.CompanyCredit;
import org.smartproperty.credit.CreditQuery;
import org.smartproperty.credit.CreditService;
import org.smartproperty.estate.EstatePoint;
import org.smartproperty.map.Feature;
import org.smartproperty.map.FeatureCollection;
import org.smartproperty.map.LegendClass;
import org.smartproperty.map.MapMessages;
import org.smartproperty.map.MapQuery;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.service.RepairStatus;

/**
 * The thematic layers of the one map (staff only): a point per estate in the bbox with its {@code value} and class
 * {@code cls}, and the legend's classes in the answer. The estates are light points (one query) and the counts grouped
 * queries of their domains (one per 1,000 estates), never a query per estate. Each needs the read permission of the domain it shows and applies the
 * caller's scope through that domain's service.
 * <ul>
 * <li>{@code complaint-density}: the estate's complaints per 100 households (complaint:read);</li>
 * <li>{@code open-repairs}: the estate's repairs not yet finished (repair:read);</li>
 * <li>{@code credit-grade}: the credit grade of the estate's property company (credit:read);</li>
 * <li>{@code assessment-result}: the company's score in the latest published assessment round (assessment:read).</li>
 * </ul>
 */
final class ThemeLayers {

    private static final List<String> GRADE_ORDER = List.of("AAA", "AA", "A", "B", "C", "D");
    private static final String[] GRADE_COLORS = {"#1a9850", "#66bd63", "#a6d96a", "#fdae61", "#f46d43", "#d73027"};
    private static final String NONE_COLOR = "#bdbdbd";

    private final MapServiceImpl map;

    ThemeLayers(MapServiceImpl map) {
        this.map = map;
    }

    FeatureCollection layer(SpmPrincipal caller, String theme, MapQuery query, Locale locale) {
        String permission = switch (theme) {
            case "complaint-density" -> "complaint:read";
            case "open-repairs" -> "repair:read";
            case "credit-grade" -> "credit:read";
            default -> "assessment:read";
        };
        MapServiceImpl.require(caller, permission);
        int max = map.settings.themeMaxEstates();
        List<EstatePoint> in = map.pointsIn(caller, query.bbox(), max + 1);
        if (in.size() > max) {
            throw ApiException.invalid(MapMessages.TEXTS, "bbox", "map.theme.tooMany", max);
        }
        List<LegendClass> legend;
        Map<Long, Double> values = new HashMap<>();
        Map<Long, String> classes = new HashMap<>();
        switch (theme) {
            case "complaint-density" -> {
                legend = List.of(
                        legend(locale, "low", "map.legend.complaint.low", 0.0, 1.0, "#fee8c8"),
                        legend(locale, "medium", "map.legend.complaint.medium", 1.0, 5.0, "#fdbb84"),
                        legend(locale, "high", "map.legend.complaint.high", 5.0, null, "#e34a33"),
                        legend(locale, "none", "map.legend.none", null, null, NONE_COLOR));
                Map<Long, Long> counts = map.complaints().countByEstate(caller, ids(in));
                for (EstatePoint e : in) {
                    long n = counts.getOrDefault(e.id(), 0L);
                    if (e.houseCount() > 0) {
                        double v = Math.round(n * 10000.0 / e.houseCount()) / 100.0;
                        values.put(e.id(), v);
                        classes.put(e.id(), v < 1 ? "low" : v < 5 ? "medium" : "high");
                    } else {
                        classes.put(e.id(), "none");
                    }
                }
            }
            case "open-repairs" -> {
                legend = List.of(
                        legend(locale, "zero", "map.legend.repairs.zero", 0.0, 1.0, "#edf8e9"),
                        legend(locale, "few", "map.legend.repairs.few", 1.0, 5.0, "#74c476"),
                        legend(locale, "many", "map.legend.repairs.many", 5.0, null, "#006d2c"));
                Set<RepairStatus> openStatuses = EnumSet.noneOf(RepairStatus.class);
                for (RepairStatus st : RepairStatus.values()) {
                    if (st.open()) {
                        openStatuses.add(st);
                    }
                }
                Map<Long, Long> counts = map.repairs().countByEstate(caller, openStatuses, ids(in));
                for (EstatePoint e : in) {
                    long open = counts.getOrDefault(e.id(), 0L);
                    values.put(e.id(), (double) open);
                    classes.put(e.id(), open == 0 ? "zero" : open < 5 ? "few" : "many");
                }
            }
            case "credit-grade" -> {
                Map<Long, CompanyCredit> byCompany = credits(caller, map.credit());
                List<String> grades = new ArrayList<>(GRADE_ORDER);
                byCompany.values().stream().map(CompanyCredit::grade).filter(g -> g != null && !grades.contains(g)).distinct()
                        .forEach(grades::add);
                List<LegendClass> l = new ArrayList<>();
                for (int i = 0; i < grades.size(); i++) {
                    String g = grades.get(i);
                    boolean used = byCompany.values().stream().anyMatch(c -> g.equals(c.grade()));
                    if (i < 5 || used) {
                        l.add(new LegendClass(g, MapMessages.TEXTS.format(locale, "map.legend.grade", g), null, null,
                                GRADE_COLORS[Math.min(i, GRADE_COLORS.length - 1)]));
                    }
                }
                l.add(legend(locale, "unrated", "map.legend.unrated", null, null, "#9e9ac8"));
                l.add(legend(locale, "none", "map.legend.none", null, null, NONE_COLOR));
                legend = l;
                for (EstatePoint e : in) {
                    CompanyCredit c = e.companyId() == null ? null : byCompany.get(e.companyId());
                    if (c == null) {
                        classes.put(e.id(), "none");
                    } else {
                        values.put(e.id(), (double) c.score());
                        classes.put(e.id(), c.grade() == null ? "unrated" : c.grade());
                    }
                }
            }
            default -> {
                legend = List.of(
                        legend(locale, "excellent", "map.legend.assessment.excellent", 90.0, null, "#1a9850"),
                        legend(locale, "good", "map.legend.assessment.good", 75.0, 90.0, "#91cf60"),
                        legend(locale, "pass", "map.legend.assessment.pass", 60.0, 75.0, "#fee08b"),
                        legend(locale, "fail", "map.legend.assessment.fail", null, 60.0, "#d73027"),
                        legend(locale, "none", "map.legend.none", null, null, NONE_COLOR));
                Map<Long, Double> scores = assessmentScores(caller, map.assessment());
                for (EstatePoint e : in) {
                    Double v = e.companyId() == null ? null : scores.get(e.companyId());
                    if (v == null) {
                        classes.put(e.id(), "none");
                    } else {
                        values.put(e.id(), v);
                        classes.put(e.id(), v >= 90 ? "excellent" : v >= 75 ? "good" : v >= 60 ? "pass" : "fail");
                    }
                }
            }
        }
        List<Feature> features = new ArrayList<>();
        for (EstatePoint e : in) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("kind", "theme");
            p.put("estateId", e.id());
            p.put("name", e.name());
            p.put("value", values.get(e.id()));
            p.put("cls", classes.get(e.id()));
            features.add(Feature.of("estate-" + e.id(), Geo.point(e.longitude(), e.latitude()), p));
        }
        return FeatureCollection.of(features, query.zoom(), false, in.size(), theme, legend);
    }

    private static List<Long> ids(List<EstatePoint> in) {
        return in.stream().map(EstatePoint::id).toList();
    }

    private static LegendClass legend(Locale locale, String key, String text, Double min, Double max, String color) {
        return new LegendClass(key, MapMessages.TEXTS.format(locale, text), min, max, color);
    }

    /** Every company's credit standing the caller may see, by company id. */
    static Map<Long, CompanyCredit> credits(SpmPrincipal caller, CreditService credit) {
        Map<Long, CompanyCredit> out = new HashMap<>();
        for (int page = 0; page < 500; page++) {
            Page<CompanyCredit> p = credit.companies(caller, new CreditQuery(null, null, null), PageRequest.of(page, PageRequest.MAX_SIZE));
            p.items().forEach(c -> out.put(c.companyId(), c));
            if (p.items().size() < PageRequest.MAX_SIZE || out.size() >= p.total()) {
                break;
            }
        }
        return out;
    }

    /** The company scores of the latest published round (by the end of its period), by company id; empty without one. */
    static Map<Long, Double> assessmentScores(SpmPrincipal caller, AssessmentService assessment) {
        Page<Round> rounds = assessment.rounds(caller, new RoundQuery(RoundStatus.PUBLISHED),
                PageRequest.parse("0", "1", "-periodFrom,-id", AssessmentService.ROUND_SORT));
        Map<Long, Double> out = new HashMap<>();
        if (!rounds.items().isEmpty() && rounds.items().get(0).id() != null) {
            for (Result r : assessment.results(caller, rounds.items().get(0).id())) {
                if (r.score() != null) {
                    out.put(r.companyId(), r.score().doubleValue());
                }
            }
        }
        return out;
    }
}
