package org.smartproperty.expert.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

import com.fasterxml.jackson.core.type.TypeReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.smartproperty.expert.ExpertMessages;
import org.smartproperty.expert.ExpertProjects;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Jdbc;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.persistence.SchemaReady;
import org.smartproperty.platform.security.AuditEvent;
import org.smartproperty.platform.security.AuditTrail;

/**
 * {@link ExpertProjects}: the project library (SUP-EX-2) as tendering feeds it, on the caller's connection (plain JDBC in
 * its transaction), and the panel it reads back in a read transaction of its own. A component of its own WITHOUT
 * references to other domains (like credit's CreditSignalsImpl): the tender domain references it, and a DS reference
 * cycle would leave one side unbound. Audit rows (object kind {@code expert-project}) go on the same connection.
 */
@Component(service = ExpertProjects.class)
public class ExpertProjectsImpl implements ExpertProjects {

    static final String AUDIT_KIND = "expert-project";
    static final Set<String> TENDERER_KINDS = Set.of("DEVELOPER", "COMMITTEE");

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.expert.impl)")
    private SchemaReady schema;

    @Reference
    private AuditTrail audit;

    private final Clock clock;

    public ExpertProjectsImpl() {
        this.clock = Clock.systemUTC();
    }

    /** Outside OSGi (tests). */
    ExpertProjectsImpl(DataSource dataSource, AuditTrail audit, Clock clock) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public long record(Connection c, ProjectRecord p, String actor) {
        Validation v = new Validation(ExpertMessages.TEXTS);
        if (p == null) {
            v.required("project", null);
            v.throwIfInvalid();
        }
        if (v.required("source", blank(p.source()))) {
            v.maxLength("source", p.source(), 32);
        }
        if (v.required("title", blank(p.title()))) {
            v.maxLength("title", p.title(), 300);
        }
        v.maxLength("number", p.number(), 64);
        if (v.required("tendererKind", p.tendererKind()) && !TENDERER_KINDS.contains(p.tendererKind())) {
            v.error("tendererKind", "project.tendererKind");
        }
        v.throwIfInvalid();
        OffsetDateTime now = now();
        try {
            Long id = find(c, p.source(), p.sourceId());
            if (id == null) {
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO exp_project (source, source_id, number, title, estate_id, "
                        + "tenderer_kind, tenderer_id, evaluation_at, created_at, created_by, updated_at, updated_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    ins.setString(1, p.source());
                    ins.setLong(2, p.sourceId());
                    ins.setString(3, p.number());
                    ins.setString(4, p.title().strip());
                    ins.setLong(5, p.estateId());
                    ins.setString(6, p.tendererKind());
                    ins.setLong(7, p.tendererId());
                    ins.setObject(8, at(p.evaluationAt()));
                    ins.setObject(9, now);
                    ins.setString(10, actor);
                    ins.setObject(11, now);
                    ins.setString(12, actor);
                    ins.executeUpdate();
                    try (ResultSet keys = ins.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                audit(c, actor, "expert-project.record", id, AuditEvent.summary("source", p.source(), "sourceId", p.sourceId(), "title", p.title()));
            } else {
                try (PreparedStatement up = c.prepareStatement("UPDATE exp_project SET number = ?, title = ?, estate_id = ?, tenderer_kind = ?, "
                        + "tenderer_id = ?, evaluation_at = ?, updated_at = ?, updated_by = ? WHERE id = ?")) {
                    up.setString(1, p.number());
                    up.setString(2, p.title().strip());
                    up.setLong(3, p.estateId());
                    up.setString(4, p.tendererKind());
                    up.setLong(5, p.tendererId());
                    up.setObject(6, at(p.evaluationAt()));
                    up.setObject(7, now);
                    up.setString(8, actor);
                    up.setLong(9, id);
                    up.executeUpdate();
                }
                audit(c, actor, "expert-project.update", id, AuditEvent.summary("source", p.source(), "sourceId", p.sourceId(), "title", p.title()));
            }
            return id;
        } catch (SQLException e) {
            throw Jdbc.translate(e);
        }
    }

    @Override
    public void bidders(Connection c, String source, long sourceId, Set<Long> companyIds, String actor) {
        try {
            long id = require(c, source, sourceId);
            if (currentDraw(c, id) != null) {
                throw ApiException.conflict(ExpertMessages.TEXTS, "project.drawn");
            }
            try (PreparedStatement del = c.prepareStatement("DELETE FROM exp_project_bidder WHERE project_id = ?")) {
                del.setLong(1, id);
                del.executeUpdate();
            }
            Set<Long> ids = new TreeSet<>(companyIds == null ? Set.of() : companyIds);
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO exp_project_bidder (project_id, company_id) VALUES (?, ?)")) {
                for (Long companyId : ids) {
                    ins.setLong(1, id);
                    ins.setLong(2, companyId);
                    ins.addBatch();
                }
                if (!ids.isEmpty()) {
                    ins.executeBatch();
                }
            }
            audit(c, actor, "expert-project.bidders", id, AuditEvent.summary("bidders", List.copyOf(ids)));
        } catch (SQLException e) {
            throw Jdbc.translate(e);
        }
    }

    @Override
    public void published(Connection c, String source, long sourceId, String actor) {
        OffsetDateTime now = now();
        try {
            long id = require(c, source, sourceId);
            OffsetDateTime evaluatedAt = now;
            boolean already;
            try (PreparedStatement q = c.prepareStatement("SELECT published_at, evaluation_at FROM exp_project WHERE id = ?")) {
                q.setLong(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    already = rs.getObject(1, OffsetDateTime.class) != null;
                    OffsetDateTime eval = rs.getObject(2, OffsetDateTime.class);
                    if (eval != null && !eval.isAfter(now)) {
                        evaluatedAt = eval;
                    }
                }
            }
            if (already) {
                return;
            }
            try (PreparedStatement up = c.prepareStatement("UPDATE exp_project SET published_at = ?, published_by = ?, updated_at = ?, updated_by = ? WHERE id = ?")) {
                up.setObject(1, now);
                up.setString(2, actor);
                up.setObject(3, now);
                up.setString(4, actor);
                up.setLong(5, id);
                up.executeUpdate();
            }
            Long drawId = currentDraw(c, id);
            if (drawId != null) {
                event(c, drawId, "PUBLISHED", null, null, actor, now, null);
                List<long[]> seated = new ArrayList<>();
                try (PreparedStatement q = c.prepareStatement("SELECT expert_id, seat FROM exp_pick WHERE draw_id = ? AND status = 'CONFIRMED' AND seat IS NOT NULL ORDER BY seat")) {
                    q.setLong(1, drawId);
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            seated.add(new long[] {rs.getLong(1), rs.getInt(2)});
                        }
                    }
                }
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO exp_evaluation (expert_id, project_id, draw_id, seat, evaluated_at) VALUES (?, ?, ?, ?, ?)")) {
                    for (long[] s : seated) {
                        ins.setLong(1, s[0]);
                        ins.setLong(2, id);
                        ins.setLong(3, drawId);
                        ins.setInt(4, (int) s[1]);
                        ins.setObject(5, evaluatedAt);
                        ins.addBatch();
                    }
                    if (!seated.isEmpty()) {
                        ins.executeBatch();
                    }
                }
            }
            audit(c, actor, "expert-project.published", id, AuditEvent.summary("source", source, "sourceId", sourceId, "draw", drawId));
        } catch (SQLException e) {
            throw Jdbc.translate(e);
        }
    }

    @Override
    public Panel panel(String source, long sourceId) {
        return Jdbc.write(dataSource, c -> {
            Long id = find(c, source, sourceId);
            Long drawId = id == null ? null : currentDraw(c, id);
            return drawId == null ? Panel.none() : panel(c, drawId);
        });
    }

    /** The panel of a draw, unmasked (the service-to-service read). */
    static Panel panel(Connection c, long drawId) throws SQLException {
        int panelSize;
        int drawn;
        String representatives;
        try (PreparedStatement q = c.prepareStatement("SELECT panel_size, drawn_count, representatives FROM exp_draw WHERE id = ?")) {
            q.setLong(1, drawId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                panelSize = rs.getInt(1);
                drawn = rs.getInt(2);
                representatives = rs.getString(3);
            }
        }
        Seat[] seats = new Seat[drawn];
        try (PreparedStatement q = c.prepareStatement("SELECT seat, expert_id, account_name, name, status FROM exp_pick WHERE draw_id = ? "
                + "AND seat IS NOT NULL AND status IN ('PENDING', 'CONFIRMED')")) {
            q.setLong(1, drawId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    int seat = rs.getInt(1);
                    if (seat >= 1 && seat <= drawn) {
                        seats[seat - 1] = new Seat(seat, rs.getLong(2), rs.getString(3), rs.getString(4), false, "CONFIRMED".equals(rs.getString(5)));
                    }
                }
            }
        }
        List<Seat> all = new ArrayList<>();
        boolean complete = true;
        for (int i = 0; i < drawn; i++) {
            Seat s = seats[i] == null ? new Seat(i + 1, null, null, null, false, false) : seats[i];
            complete &= s.confirmed();
            all.add(s);
        }
        List<String> reps = representatives == null ? List.of() : ExpertJson.read(representatives, new TypeReference<List<String>>() { });
        for (int i = 0; i < reps.size(); i++) {
            all.add(new Seat(drawn + i + 1, null, null, reps.get(i), true, true));
        }
        return new Panel(drawId, panelSize, complete, List.copyOf(all));
    }

    static Long find(Connection c, String source, long sourceId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT id FROM exp_project WHERE source = ? AND source_id = ?")) {
            q.setString(1, source);
            q.setLong(2, sourceId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static long require(Connection c, String source, long sourceId) throws SQLException {
        Long id = find(c, source, sourceId);
        if (id == null) {
            throw ApiException.notFound("objects.project", source + ":" + sourceId);
        }
        return id;
    }

    static Long currentDraw(Connection c, long projectId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT MAX(id) FROM exp_draw WHERE project_id = ?")) {
            q.setLong(1, projectId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                long v = rs.getLong(1);
                return rs.wasNull() ? null : v;
            }
        }
    }

    /** One entry of a draw's log (exp_draw_event) on the connection. */
    static void event(Connection c, long drawId, String kind, Integer seat, Long expertId, String actor, OffsetDateTime at, String reason)
            throws SQLException {
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO exp_draw_event (draw_id, kind, seat, expert_id, actor, acted_at, reason) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ins.setLong(1, drawId);
            ins.setString(2, kind);
            ins.setObject(3, seat, java.sql.Types.INTEGER);
            ins.setObject(4, expertId, java.sql.Types.BIGINT);
            ins.setString(5, actor);
            ins.setObject(6, at);
            ins.setString(7, reason == null ? null : reason.length() > 1000 ? reason.substring(0, 1000) : reason);
            ins.executeUpdate();
        }
    }

    private void audit(Connection c, String actor, String action, long id, String summary) {
        if (audit != null) {
            audit.append(c, AuditEvent.of(actor, action, AUDIT_KIND, id, summary));
        }
    }

    private OffsetDateTime now() {
        return at(clock.instant());
    }

    static OffsetDateTime at(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ExpertServiceImpl.ZONE);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
