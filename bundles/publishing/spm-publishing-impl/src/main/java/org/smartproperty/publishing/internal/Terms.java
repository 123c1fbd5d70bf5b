package org.smartproperty.publishing.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The policy search's terms (PUB-1; docs/publishing.md "Search"), the same on PostgreSQL and H2 without any extension: a run
 * of Chinese characters (CJK ideographs) gives its overlapping 2-character n-grams (a lone character gives itself), a run of
 * Latin letters and digits gives the lower-cased word; everything else separates. A query matches a policy holding every one
 * of the query's terms; the rank is the sum of the hits (a title's terms count {@link #TITLE_WEIGHT} times).
 */
final class Terms {

    static final int TITLE_WEIGHT = 5;
    static final int TERM_MAX = 64;

    private Terms() {
    }

    /** The distinct terms of a text, in order of appearance. */
    static Set<String> of(String text) {
        return count(text, 1, new LinkedHashMap<>()).keySet();
    }

    /** Adds {@code weight} per occurrence of each term of {@code text} to {@code hits}. */
    static Map<String, Integer> count(String text, int weight, Map<String, Integer> hits) {
        if (text == null) {
            return hits;
        }
        StringBuilder latin = new StringBuilder();
        StringBuilder han = new StringBuilder();
        int i = 0;
        while (i <= text.length()) {
            int cp = i < text.length() ? text.codePointAt(i) : ' ';
            boolean isHan = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
            boolean isWord = !isHan && Character.isLetterOrDigit(cp);
            if (!isHan && han.length() > 0) {
                flushHan(han.toString(), weight, hits);
                han.setLength(0);
            }
            if (!isWord && latin.length() > 0) {
                add(latin.toString().toLowerCase(java.util.Locale.ROOT), weight, hits);
                latin.setLength(0);
            }
            if (isHan) {
                han.appendCodePoint(cp);
            } else if (isWord) {
                latin.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return hits;
    }

    private static void flushHan(String run, int weight, Map<String, Integer> hits) {
        int[] cps = run.codePoints().toArray();
        if (cps.length == 1) {
            add(run, weight, hits);
            return;
        }
        for (int k = 0; k + 1 < cps.length; k++) {
            add(new String(cps, k, 2), weight, hits);
        }
    }

    private static void add(String term, int weight, Map<String, Integer> hits) {
        String t = term.length() > TERM_MAX ? term.substring(0, TERM_MAX) : term;
        hits.merge(t, weight, Integer::sum);
    }

    /** The index rows of a policy: title ×{@link #TITLE_WEIGHT}, number, issuer, summary and full text ×1. */
    static Map<String, Integer> index(PolicyEntity p) {
        Map<String, Integer> hits = new LinkedHashMap<>();
        count(p.title, TITLE_WEIGHT, hits);
        count(p.docNumber, TITLE_WEIGHT, hits);
        count(p.issuer, 1, hits);
        count(p.summary, 1, hits);
        count(p.fullText, 1, hits);
        return hits;
    }

    /** A query's terms; a lone Chinese character stays a unigram (matched as the first or second character of a bigram). */
    static Set<String> query(String q) {
        return new LinkedHashSet<>(of(q));
    }
}
