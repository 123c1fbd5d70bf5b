package org.smartproperty.notification.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.smartproperty.notification.DeliveryReceipt;
import org.smartproperty.notification.MessageKind;
import org.smartproperty.notification.NotificationMessages;
import org.smartproperty.notification.Phones;
import org.smartproperty.notification.SmsMessage;
import org.smartproperty.notification.SmsMessages;
import org.smartproperty.notification.SmsOutbox;
import org.smartproperty.notification.SmsRequest;
import org.smartproperty.notification.SmsState;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.PersonalData;
import org.smartproperty.platform.Validation;
import org.smartproperty.platform.persistence.SchemaReady;

/**
 * INT-SMS: {@link SmsOutbox#enqueue} writes one {@code ntf_sms_outbox} row on the caller's
 * connection (its transaction decides whether the SMS ever exists); {@link SmsMessages} reads the
 * rows (phones masked, ID-2) and applies delivery receipts.
 */
@Component(service = {SmsOutbox.class, SmsMessages.class})
public class SmsOutboxImpl implements SmsOutbox, SmsMessages {

    static final int MAX_PARAM = 100;

    @Reference(target = "(osgi.jndi.service.name=spm)")
    private DataSource dataSource;

    @Reference(target = "(" + SchemaReady.BUNDLE_PROPERTY + "=org.smartproperty.notification.impl)")
    private SchemaReady schema;

    private Clock clock = Clock.systemUTC();

    public SmsOutboxImpl() {
    }

    /** Outside OSGi (tests). */
    public SmsOutboxImpl(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public String enqueue(Connection c, SmsRequest r) {
        Validation v = new Validation(NotificationMessages.TEXTS);
        Optional<String> phone = Phones.normalize(r.phone());
        if (r.phone() == null || r.phone().isBlank()) {
            v.required("phone", null);
        } else if (phone.isEmpty()) {
            v.error("phone", "field.phone");
        }
        for (String p : r.kind().params()) {
            String value = r.params().get(p);
            if (value == null || value.isBlank()) {
                v.error("params." + p, "field.param.missing");
            } else if (value.length() > MAX_PARAM) {
                v.error("params." + p, "field.param.tooLong", MAX_PARAM);
            }
        }
        v.maxLength("reference", r.reference(), 64);
        v.throwIfInvalid();
        Locale locale = Phones.smsLocale(phone.get());
        Instant now = clock.instant();
        try {
            long id = Db.nextval(c, "ntf_sms_outbox_seq");
            String outId = "SPM" + id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ntf_sms_outbox (id, out_id, phone, kind, locale, params, reference, state,"
                    + " attempts, reconciles, next_attempt_at, created_at) VALUES (?,?,?,?,?,?,?,'QUEUED',0,0,?,?)")) {
                ps.setLong(1, id);
                ps.setString(2, outId);
                ps.setString(3, phone.get());
                ps.setString(4, r.kind().name());
                ps.setString(5, locale.toLanguageTag());
                ps.setString(6, Db.toJson(r.params()));
                ps.setString(7, r.reference());
                ps.setObject(8, Db.ts(now));
                ps.setObject(9, Db.ts(now));
                ps.executeUpdate();
            }
            return outId;
        } catch (SQLException e) {
            throw new IllegalStateException("sms outbox: " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ reading

    static final String COLUMNS = "id, out_id, phone, kind, locale, reference, state, attempts, provider, biz_id, last_error,"
            + " created_at, next_attempt_at, sent_at, finished_at";

    static SmsMessage row(ResultSet rs, boolean masked) throws SQLException {
        String phone = rs.getString("phone");
        SmsState state = SmsState.valueOf(rs.getString("state"));
        return new SmsMessage(rs.getLong("id"), rs.getString("out_id"), masked ? PersonalData.maskPhone(phone) : phone,
                MessageKind.valueOf(rs.getString("kind")), rs.getString("locale"), rs.getString("reference"), state,
                rs.getInt("attempts"), rs.getString("provider"), rs.getString("biz_id"), rs.getString("last_error"),
                Db.instant(rs, "created_at"), state.isFinal() || state == SmsState.SENT ? null : Db.instant(rs, "next_attempt_at"),
                Db.instant(rs, "sent_at"), Db.instant(rs, "finished_at"));
    }

    @Override
    public Page<SmsMessage> list(SmsState state, String reference, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE channel = 'SMS'");
        List<Object> args = new ArrayList<>();
        if (state != null) {
            where.append(" AND state = ?");
            args.add(state.name());
        }
        if (reference != null && !reference.isBlank()) {
            where.append(" AND reference = ?");
            args.add(reference);
        }
        return Db.tx(dataSource, c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM ntf_sms_outbox" + where)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<SmsMessage> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM ntf_sms_outbox" + where
                    + " ORDER BY id DESC LIMIT " + page.size() + " OFFSET " + page.offset())) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(row(rs, true));
                    }
                }
            }
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    @Override
    public Optional<SmsMessage> byOutId(String outId) {
        return Db.tx(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM ntf_sms_outbox WHERE channel = 'SMS' AND out_id = ?")) {
                ps.setString(1, outId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs, true)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Map<SmsState, Long> counts() {
        return Db.tx(dataSource, c -> {
            Map<SmsState, Long> out = new EnumMap<>(SmsState.class);
            for (SmsState s : SmsState.values()) {
                out.put(s, 0L);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT state, count(*) FROM ntf_sms_outbox WHERE channel = 'SMS' GROUP BY state");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(SmsState.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            return out;
        });
    }

    /**
     * A receipt is final: DELIVERED or FAILED. It applies to a row the provider may have (SENDING,
     * SENT, UNKNOWN: a receipt can overtake the reply of the send call) and never to a final row.
     */
    @Override
    public int applyReceipts(List<DeliveryReceipt> receipts) {
        Instant now = clock.instant();
        return Db.tx(dataSource, c -> {
            int changed = 0;
            try (PreparedStatement byOut = c.prepareStatement("UPDATE ntf_sms_outbox SET state = ?, finished_at = ?,"
                    + " biz_id = COALESCE(biz_id, ?), last_error = ? WHERE channel = 'SMS' AND out_id = ? AND state IN ('SENDING','SENT','UNKNOWN')");
                 PreparedStatement byBiz = c.prepareStatement("UPDATE ntf_sms_outbox SET state = ?, finished_at = ?, last_error = ?"
                         + " WHERE biz_id = ? AND phone = ? AND state IN ('SENDING','SENT','UNKNOWN')")) {
                for (DeliveryReceipt r : receipts) {
                    String state = r.delivered() ? "DELIVERED" : "FAILED";
                    String error = r.delivered() ? null : Db.truncate("receipt: " + r.errorCode(), 500);
                    int n = 0;
                    if (r.outId() != null && !r.outId().isBlank()) {
                        byOut.setString(1, state);
                        byOut.setObject(2, Db.ts(now));
                        byOut.setString(3, r.bizId());
                        byOut.setString(4, error);
                        byOut.setString(5, r.outId());
                        n = byOut.executeUpdate();
                    } else if (r.bizId() != null && r.phone() != null) {
                        byBiz.setString(1, state);
                        byBiz.setObject(2, Db.ts(now));
                        byBiz.setString(3, error);
                        byBiz.setString(4, r.bizId());
                        byBiz.setString(5, Phones.normalize(r.phone()).orElse(r.phone()));
                        n = byBiz.executeUpdate();
                    }
                    changed += n;
                }
            }
            return changed;
        });
    }
}
