package org.smartproperty.platform.persistence;

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
}
