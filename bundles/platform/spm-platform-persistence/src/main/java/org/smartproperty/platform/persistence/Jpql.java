package org.smartproperty.platform.persistence;

import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.SortOrder;

/** JPQL fragments every domain's list queries need. */
public final class Jpql {

    private Jpql() {
    }

    /**
     * {@code ORDER BY} for a page: the requested keys (already checked against the resource's
     * sortable set by {@link PageRequest#parse}) and then the id, so paging is stable.
     */
    public static String orderBy(String alias, PageRequest page) {
        StringBuilder sb = new StringBuilder(" ORDER BY ");
        boolean byId = false;
        for (SortOrder o : page.sort()) {
            sb.append(alias).append('.').append(o.property()).append(o.ascending() ? " ASC" : " DESC").append(", ");
            byId |= o.property().equals("id");
        }
        if (!byId) {
            sb.append(alias).append(".id ASC");
        } else {
            sb.setLength(sb.length() - 2);
        }
        return sb.toString();
    }

    /** Escapes LIKE wildcards so user text matches literally; use with {@code ESCAPE '\'}. */
    public static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** One page of entities and the total count of the same filter. */
    public record Rows<T>(List<T> rows, long total) {
    }

    /**
     * Runs {@code SELECT COUNT(alias)} and the paged {@code SELECT alias} of one entity with the same
     * {@code where} clause (starting with " WHERE") and parameters, ordered by {@link #orderBy}.
     */
    public static <T> Rows<T> page(EntityManager em, Class<T> type, String alias, String where, Map<String, Object> params, PageRequest page) {
        String from = " FROM " + type.getSimpleName() + " " + alias + where;
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(" + alias + ")" + from, Long.class);
        TypedQuery<T> select = em.createQuery("SELECT " + alias + from + orderBy(alias, page), type);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            select.setParameter(k, v);
        });
        long total = count.getSingleResult();
        return new Rows<>(select.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList(), total);
    }

    /** How many ids one {@link #countBy} query binds at most (PostgreSQL's bind limit is far above; plans stay small). */
    public static final int IN_CHUNK = 1000;

    /**
     * {@code SELECT alias.<key>, COUNT(alias.<key>) ... GROUP BY alias.<key>} for the given keys (a {@code Long} property such as
     * an estate id), with the same {@code where} clause (starting with " WHERE") and parameters as a list — one grouped query
     * per {@link #IN_CHUNK} keys. Keys without a row are absent from the answer. Since 1.3 (the one map's thematic layers).
     */
    public static Map<Long, Long> countBy(EntityManager em, Class<?> type, String alias, String key, String where,
                                          Map<String, Object> params, java.util.Collection<Long> keys) {
        Map<Long, Long> out = new java.util.HashMap<>();
        List<Long> all = List.copyOf(new java.util.LinkedHashSet<>(keys));
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            // COUNT of the key, not of the entity (its id): with an index leading with the key, PostgreSQL counts from the
            // index alone (an index-only scan: 166,682 complaints of 1,000 estates in 27 ms instead of 680 ms of heap reads)
            TypedQuery<Object[]> q = em.createQuery("SELECT " + alias + "." + key + ", COUNT(" + alias + "." + key + ") FROM "
                    + type.getSimpleName() + " " + alias + where + " AND " + alias + "." + key + " IN :countByKeys GROUP BY "
                    + alias + "." + key, Object[].class);
            params.forEach(q::setParameter);
            q.setParameter("countByKeys", all.subList(from, Math.min(all.size(), from + IN_CHUNK)));
            for (Object[] r : q.getResultList()) {
                out.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
            }
        }
        return out;
    }
}
