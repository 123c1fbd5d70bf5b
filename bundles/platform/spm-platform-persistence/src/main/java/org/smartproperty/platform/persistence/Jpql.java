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
}
