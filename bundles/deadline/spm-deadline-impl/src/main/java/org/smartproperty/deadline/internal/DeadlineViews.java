package org.smartproperty.deadline.internal;

import static org.smartproperty.deadline.internal.DeadlineRows.COLUMNS;
import static org.smartproperty.deadline.internal.DeadlineRows.deadline;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.smartproperty.deadline.Deadline;
import org.smartproperty.deadline.DeadlineQuery;
import org.smartproperty.deadline.MonitorState;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.SortOrder;
import org.smartproperty.platform.security.DataScope;

/**
 * The monitoring views (SVC-CMP-5, SVC-REP-2, SVC-PAT-2): running and paused deadlines in the
 * caller's data scope, filtered, sorted and paged. Part of {@link DeadlineEngine}, split along its duties (issue 10 item 5); connections, audit, settings and clock
 * through the engine.
 */
final class DeadlineViews {

    private final DeadlineEngine owner;

    DeadlineViews(DeadlineEngine owner) {
        this.owner = owner;
    }

    private static final Map<String, String> SORT_COLUMNS = Map.of("id", "id", "dueAt", "due_at", "warnAt", "warn_at",
            "startedAt", "started_at", "domain", "domain");

    public Page<Deadline> monitoring(DataScope scope, DeadlineQuery q, PageRequest page) {
        DeadlineQuery query = q == null ? DeadlineQuery.all() : q;
        DataScope s = scope == null ? DataScope.NONE : scope;
        StringBuilder where = new StringBuilder(" WHERE state IN ('RUNNING', 'PAUSED')");
        List<Object> params = new ArrayList<>();
        switch (s.kind()) {
            case ALL -> { }
            case COMPANY -> {
                if (s.companyId() == null) {
                    return new Page<>(List.of(), page.page(), page.size(), 0);
                }
                where.append(" AND company_id = ?");
                params.add(s.companyId());
            }
            case COMMITTEE -> {
                if (s.estateIds().isEmpty()) {
                    return new Page<>(List.of(), page.page(), page.size(), 0);
                }
                where.append(" AND estate_id IN (").append(String.join(", ", java.util.Collections.nCopies(s.estateIds().size(), "?"))).append(")");
                params.addAll(s.estateIds());
            }
            default -> {
                return new Page<>(List.of(), page.page(), page.size(), 0);
            }
        }
        Instant now = owner.now();
        MonitorState state = query.state() == null ? MonitorState.ALL : query.state();
        if (state == MonitorState.NEAR) {
            where.append(" AND ((state = 'RUNNING' AND warn_at <= ? AND due_at > ?) OR (state = 'PAUSED' AND warned_at IS NOT NULL AND overdue_at IS NULL))");
            params.add(now);
            params.add(now);
        } else if (state == MonitorState.OVERDUE) {
            where.append(" AND ((state = 'RUNNING' AND due_at <= ?) OR (state = 'PAUSED' AND overdue_at IS NOT NULL))");
            params.add(now);
        }
        if (query.domain() != null) {
            where.append(" AND domain = ?");
            params.add(query.domain());
        }
        if (query.estateId() != null) {
            where.append(" AND estate_id = ?");
            params.add(query.estateId());
        }
        StringBuilder order = new StringBuilder();
        for (SortOrder o : page.sort()) {
            String col = SORT_COLUMNS.get(o.property());
            if (col != null) {
                order.append(order.length() == 0 ? " ORDER BY " : ", ").append(col).append(o.ascending() ? " ASC" : " DESC");
            }
        }
        order.append(order.length() == 0 ? " ORDER BY due_at ASC, id ASC" : ", id ASC");
        return Sql.read(owner.dataSource(), c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM dl_deadline" + where)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Deadline> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM dl_deadline" + where + order + " LIMIT ? OFFSET ?")) {
                int n = bind(ps, params);
                ps.setInt(n++, page.size());
                ps.setLong(n, page.offset());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(deadline(rs));
                    }
                }
            }
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    private static int bind(PreparedStatement ps, List<Object> params) throws SQLException {
        int i = 1;
        for (Object p : params) {
            if (p instanceof Instant t) {
                Sql.ts(ps, i++, t);
            } else {
                ps.setObject(i++, p);
            }
        }
        return i;
    }
}
