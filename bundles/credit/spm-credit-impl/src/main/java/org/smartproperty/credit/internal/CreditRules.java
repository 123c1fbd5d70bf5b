package org.smartproperty.credit.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.smartproperty.credit.DeclarationCategory;

/**
 * The rules of DOMAIN-RULES.md in force, from configuration (CRD-1 caps, CRD-2 validity, CRD-3 bands) and the score
 * formula: score = verified base + good points − bad points, within 0..100; an active veto record sends the company to the
 * lowest grade; a company with neither a verified declaration nor a veto is unrated (no grade, not blacklisted).
 */
record CreditRules(List<Band> bands, int validityMonths, Map<DeclarationCategory, Integer> caps) {

    record Band(String grade, int min) {
    }

    record Result(int score, String grade, boolean blacklisted, int base, int good, int bad, boolean veto) {
    }

    static final CreditRules DEFAULTS = parse("AAA=85,AA=80,A=70,B=60,C=0", 12, "QUALIFICATION=40,STAFF=30,AWARD=20");

    /** @throws IllegalArgumentException naming what is wrong */
    static CreditRules parse(String bands, int validityMonths, String caps) {
        List<Band> list = new ArrayList<>();
        for (String part : bands.split(",")) {
            String[] kv = part.trim().split("=");
            if (kv.length != 2 || !kv[0].trim().matches("[A-Z]{1,8}")) {
                throw new IllegalArgumentException("grade band '" + part + "' is not GRADE=minimum");
            }
            list.add(new Band(kv[0].trim(), Integer.parseInt(kv[1].trim())));
        }
        for (int i = 1; i < list.size(); i++) {
            if (list.get(i).min() >= list.get(i - 1).min()) {
                throw new IllegalArgumentException("grade bands must be given best first with falling minimums: " + bands);
            }
        }
        if (list.size() < 2 || list.get(list.size() - 1).min() != 0 || list.get(0).min() > 100) {
            throw new IllegalArgumentException("at least two grade bands, the lowest at 0, the best at most 100: " + bands);
        }
        if (validityMonths < 1 || validityMonths > 120) {
            throw new IllegalArgumentException("validityMonths must be 1..120: " + validityMonths);
        }
        Map<DeclarationCategory, Integer> capMap = new EnumMap<>(DeclarationCategory.class);
        for (String part : caps.split(",")) {
            String[] kv = part.trim().split("=");
            capMap.put(DeclarationCategory.valueOf(kv[0].trim()), Integer.parseInt(kv[1].trim()));
        }
        if (capMap.size() != DeclarationCategory.values().length || capMap.values().stream().anyMatch(c -> c < 0 || c > 100)
                || capMap.values().stream().mapToInt(Integer::intValue).sum() > 100) {
            throw new IllegalArgumentException("baseCaps must name every category with 0..100 points, at most 100 in all: " + caps);
        }
        return new CreditRules(List.copyOf(list), validityMonths, capMap);
    }

    String lowest() {
        return bands.get(bands.size() - 1).grade();
    }

    List<String> grades() {
        return bands.stream().map(Band::grade).toList();
    }

    /** The verified base score: per category the sum of verified points, each category within its cap. */
    int base(Map<DeclarationCategory, Integer> verifiedByCategory) {
        int sum = 0;
        for (Map.Entry<DeclarationCategory, Integer> e : verifiedByCategory.entrySet()) {
            sum += Math.min(e.getValue(), caps.getOrDefault(e.getKey(), 0));
        }
        return sum;
    }

    /** CRD-1 and CRD-3. {@code base} null = no verified declaration. */
    Result score(Integer base, int good, int bad, boolean veto) {
        int score = Math.max(0, Math.min(100, (base == null ? 0 : base) + good - bad));
        String grade;
        if (veto) {
            grade = lowest();
        } else if (base == null) {
            grade = null;
        } else {
            grade = lowest();
            for (Band b : bands) {
                if (score >= b.min()) {
                    grade = b.grade();
                    break;
                }
            }
        }
        return new Result(score, grade, grade != null && grade.equals(lowest()), base == null ? 0 : base, good, bad, veto);
    }

    Map<String, Integer> bandMap() {
        Map<String, Integer> m = new LinkedHashMap<>();
        bands.forEach(b -> m.put(b.grade(), b.min()));
        return m;
    }
}
