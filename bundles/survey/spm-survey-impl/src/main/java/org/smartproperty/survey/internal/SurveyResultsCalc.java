package org.smartproperty.survey.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongToIntFunction;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;

import org.smartproperty.platform.security.DataScope;
import org.smartproperty.survey.QuestionKind;
import org.smartproperty.survey.SurveyResults;
import org.smartproperty.survey.SurveyStatus;
import org.smartproperty.survey.SurveySubject;

/**
 * The results of a survey (SVC-SAT-2, ANA-5) from its own tables: per target estate the owner respondents, the SCORE
 * answers of owners and of the committee; grouped per company (COMPANY survey) or per estate's committee (COMMITTEE
 * survey), ranked over all rows, then cut to the caller's scope.
 */
final class SurveyResultsCalc {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private SurveyResultsCalc() {
    }

    /** A row of {@code svy_target}; {@code eligible} null while OPEN. */
    record Target(long estateId, String estateName, Long companyId, String companyName, Integer eligible) {
    }

    @SuppressWarnings("unchecked")
    static List<Target> targets(EntityManager em, long surveyId) {
        List<Object[]> rows = em.createNativeQuery("SELECT estate_id, estate_name, company_id, company_name, eligible FROM svy_target"
                + " WHERE survey_id = ? ORDER BY estate_id").setParameter(1, surveyId).getResultList();
        List<Target> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new Target(((Number) r[0]).longValue(), (String) r[1], r[2] == null ? null : ((Number) r[2]).longValue(), (String) r[3],
                    r[4] == null ? null : ((Number) r[4]).intValue()));
        }
        return out;
    }

    static List<Long> targetIds(EntityManager em, long surveyId) {
        return targets(em, surveyId).stream().map(Target::estateId).toList();
    }

    /** Per-estate sums: owner respondents, owner score sum and count, committee responses, committee score sum and count. */
    private static final class Acc {
        long eligible;
        long respondents;
        long scoreSum;
        long scoreCount;
        long committee;
        long committeeSum;
        long committeeCount;
        int estates;

        void add(Acc o) {
            eligible += o.eligible;
            respondents += o.respondents;
            scoreSum += o.scoreSum;
            scoreCount += o.scoreCount;
            committee += o.committee;
            committeeSum += o.committeeSum;
            committeeCount += o.committeeCount;
            estates += o.estates;
        }
    }

    @SuppressWarnings("unchecked")
    static SurveyResults results(EntityManager em, SurveyEntity e, DataScope scope, LongToIntFunction liveEligible) {
        List<Target> targets = targets(em, e.id);
        Map<Long, Acc> perEstate = new LinkedHashMap<>();
        for (Target t : targets) {
            Acc a = new Acc();
            a.estates = 1;
            a.eligible = t.eligible() != null ? t.eligible() : liveEligible.applyAsInt(t.estateId());
            perEstate.put(t.estateId(), a);
        }
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT estate_id, respondent_kind, COUNT(*) FROM svy_response WHERE survey_id = ?"
                + " GROUP BY estate_id, respondent_kind").setParameter(1, e.id).getResultList()) {
            Acc a = perEstate.get(((Number) r[0]).longValue());
            if (a != null) {
                if ("OWNER".equals(r[1])) {
                    a.respondents += ((Number) r[2]).longValue();
                } else {
                    a.committee += ((Number) r[2]).longValue();
                }
            }
        }
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT r.estate_id, r.respondent_kind, SUM(a.score), COUNT(a.score)"
                + " FROM svy_response r JOIN svy_answer a ON a.response_id = r.id JOIN svy_question q ON q.id = a.question_id"
                + " WHERE r.survey_id = ? AND q.kind = 'SCORE' AND a.score IS NOT NULL GROUP BY r.estate_id, r.respondent_kind")
                .setParameter(1, e.id).getResultList()) {
            Acc a = perEstate.get(((Number) r[0]).longValue());
            if (a != null) {
                if ("OWNER".equals(r[1])) {
                    a.scoreSum += ((Number) r[2]).longValue();
                    a.scoreCount += ((Number) r[3]).longValue();
                } else {
                    a.committeeSum += ((Number) r[2]).longValue();
                    a.committeeCount += ((Number) r[3]).longValue();
                }
            }
        }
        boolean company = e.subject.equals(SurveySubject.COMPANY.name());
        Map<Long, Acc> groups = new LinkedHashMap<>();
        Map<Long, String> names = new HashMap<>();
        for (Target t : targets) {
            Long key = company ? t.companyId() : Long.valueOf(t.estateId());
            if (key == null) {
                continue;
            }
            names.putIfAbsent(key, company ? t.companyName() : t.estateName());
            groups.computeIfAbsent(key, k -> new Acc()).add(perEstate.get(t.estateId()));
        }
        List<SurveyResults.Row> rows = ranked(groups, names);
        // the caller's cut: a company its own row; a committee its estate (COMMITTEE survey) or its company's evaluation in its estate
        Set<Long> estatesInView = null;
        if (scope.kind() == DataScope.Kind.COMPANY) {
            rows = rows.stream().filter(r -> company && r.subjectId() == scope.companyId()).toList();
            estatesInView = targets.stream().filter(t -> company && scope.companyId().equals(t.companyId())).map(Target::estateId)
                    .collect(Collectors.toSet());
        } else if (scope.kind() == DataScope.Kind.COMMITTEE) {
            estatesInView = scope.estateIds();
            if (company) {
                List<SurveyResults.Row> own = new ArrayList<>();
                for (Target t : targets) {
                    if (scope.estateIds().contains(t.estateId()) && t.companyId() != null) {
                        own.add(row(t.companyId(), t.companyName(), perEstate.get(t.estateId()), null));
                    }
                }
                rows = own;
            } else {
                rows = rows.stream().filter(r -> scope.estateIds().contains(r.subjectId())).toList();
            }
        } else if (!scope.all()) {
            rows = List.of();
            estatesInView = Set.of();
        }
        return new SurveyResults(e.id, e.title, SurveySubject.valueOf(e.subject), SurveyStatus.valueOf(e.status), rows,
                questionStats(em, e.id, estatesInView, scope.all()));
    }

    private static List<SurveyResults.Row> ranked(Map<Long, Acc> groups, Map<Long, String> names) {
        List<Map.Entry<Long, Acc>> sorted = new ArrayList<>(groups.entrySet());
        sorted.sort(Comparator.<Map.Entry<Long, Acc>, BigDecimal>comparing(x -> score(x.getValue().scoreSum, x.getValue().scoreCount),
                Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(x -> names.getOrDefault(x.getKey(), ""),
                Comparator.nullsLast(Comparator.naturalOrder())));
        List<SurveyResults.Row> out = new ArrayList<>();
        BigDecimal previous = null;
        int rank = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Acc a = sorted.get(i).getValue();
            BigDecimal s = score(a.scoreSum, a.scoreCount);
            Integer r = null;
            if (s != null) {
                if (previous == null || s.compareTo(previous) != 0) {
                    rank = i + 1; // ties share a rank (1, 1, 3)
                }
                previous = s;
                r = rank;
            }
            out.add(row(sorted.get(i).getKey(), names.get(sorted.get(i).getKey()), a, r));
        }
        return out;
    }

    private static SurveyResults.Row row(long subjectId, String name, Acc a, Integer rank) {
        BigDecimal rate = a.eligible == 0 ? null : BigDecimal.valueOf(a.respondents * 100).divide(BigDecimal.valueOf(a.eligible), 2, RoundingMode.HALF_UP);
        return new SurveyResults.Row(subjectId, name, a.estates, a.eligible, a.respondents, rate, score(a.scoreSum, a.scoreCount), a.committee,
                score(a.committeeSum, a.committeeCount), rank);
    }

    /** Mean of 1–5 scores normalised to 0–100 ((mean − 1) / 4 × 100), two decimals; null without scores. */
    static BigDecimal score(long sum, long count) {
        if (count == 0) {
            return null;
        }
        return BigDecimal.valueOf(sum - count).multiply(HUNDRED).divide(BigDecimal.valueOf(count * 4), 2, RoundingMode.HALF_UP);
    }

    @SuppressWarnings("unchecked")
    private static List<SurveyResults.QuestionStat> questionStats(EntityManager em, long surveyId, Set<Long> estates, boolean texts) {
        List<QuestionEntity> questions = SurveyServiceImpl.questions(em, surveyId);
        List<SurveyResults.QuestionStat> out = new ArrayList<>();
        if (estates != null && estates.isEmpty()) {
            return out;
        }
        String sql = "SELECT a.question_id, a.score, a.choices, a.text FROM svy_answer a JOIN svy_response r ON r.id = a.response_id"
                + " WHERE r.survey_id = ?" + (estates == null ? "" : " AND r.estate_id IN ("
                + estates.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")") + " ORDER BY a.response_id";
        Map<Long, List<Object[]>> byQuestion = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery(sql).setParameter(1, surveyId).getResultList()) {
            byQuestion.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add(r);
        }
        for (QuestionEntity q : questions) {
            List<Object[]> rows = byQuestion.getOrDefault(q.id, List.of());
            QuestionKind kind = QuestionKind.valueOf(q.kind);
            BigDecimal mean = null;
            List<Long> counts = null;
            List<String> free = null;
            if (kind == QuestionKind.SCORE) {
                long sum = 0;
                for (Object[] r : rows) {
                    sum += ((Number) r[1]).longValue();
                }
                mean = rows.isEmpty() ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(rows.size()), 2, RoundingMode.HALF_UP);
            } else if (kind == QuestionKind.TEXT) {
                free = texts ? rows.stream().map(r -> (String) r[3]).toList() : null;
            } else {
                long[] c = new long[SurveyServiceImpl.options(q.options).size()];
                for (Object[] r : rows) {
                    for (String i : ((String) r[2]).split(",")) {
                        int k = Integer.parseInt(i);
                        if (k < c.length) {
                            c[k]++;
                        }
                    }
                }
                counts = java.util.Arrays.stream(c).boxed().toList();
            }
            out.add(new SurveyResults.QuestionStat(q.id, q.ordinal, kind, q.text, q.indicatorCode, rows.size(), mean, counts, free));
        }
        return out;
    }
}
