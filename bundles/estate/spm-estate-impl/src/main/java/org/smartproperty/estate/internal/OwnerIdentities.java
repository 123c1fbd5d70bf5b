package org.smartproperty.estate.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.smartproperty.estate.IdDocuments;
import org.smartproperty.estate.IdType;
import org.smartproperty.platform.security.AccountIdentity;

/**
 * Which owner records are a real-name account's person (issue 12 item 1): the normalised document
 * number, and a document type compatible with the provider's type code
 * ({@code idp-document-types.properties}); and which of their houses are verified (the view
 * {@code est_verified_ownership}, OWN-2). Plain JDBC on the caller's connection.
 */
final class OwnerIdentities {

    private static final Map<String, Set<IdType>> TYPES = load();

    private OwnerIdentities() {
    }

    /** The owner ids of the identity (a natural person's document); none for a legal person. */
    static List<Long> ownerIds(Connection c, AccountIdentity who) throws SQLException {
        if (who == null || who.idNumber() == null || who.idNumber().isBlank()) {
            return List.of();
        }
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, id_type FROM est_owner WHERE id_number = ? ORDER BY id")) {
            ps.setString(1, IdDocuments.normalize(who.idNumber()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (compatible(who, IdType.valueOf(rs.getString(2)))) {
                        out.add(rs.getLong(1));
                    }
                }
            }
        }
        return out;
    }

    /** Whether a stored owner document type matches the provider's type code (any type for an unknown or missing code). */
    static boolean compatible(AccountIdentity who, IdType stored) {
        Set<IdType> allowed = who.idType() == null ? null : TYPES.get(who.idType().trim());
        return allowed == null || allowed.contains(stored);
    }

    /** Per owner id, its verified houses (house id → estate id), owners without one left out. */
    static Map<Long, Map<Long, Long>> verifiedHouses(Connection c, List<Long> ownerIds) throws SQLException {
        Map<Long, Map<Long, Long>> out = new LinkedHashMap<>();
        for (long owner : ownerIds) {
            try (PreparedStatement ps = c.prepareStatement("SELECT house_id, estate_id FROM est_verified_ownership WHERE owner_id = ? ORDER BY house_id")) {
                ps.setLong(1, owner);
                try (ResultSet rs = ps.executeQuery()) {
                    Map<Long, Long> houses = new LinkedHashMap<>();
                    while (rs.next()) {
                        houses.put(rs.getLong(1), rs.getLong(2));
                    }
                    if (!houses.isEmpty()) {
                        out.put(owner, houses);
                    }
                }
            }
        }
        return out;
    }

    /** The estates of a set of verified houses, for the label. */
    static Set<Long> estates(Map<Long, Long> houses) {
        return new TreeSet<>(houses.values());
    }

    private static Map<String, Set<IdType>> load() {
        Properties p = new Properties();
        try (InputStream in = OwnerIdentities.class.getResourceAsStream("idp-document-types.properties")) {
            if (in == null) {
                throw new IllegalStateException("idp-document-types.properties missing");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Set<IdType>> m = new HashMap<>();
        for (String code : p.stringPropertyNames()) {
            Set<IdType> types = EnumSet.noneOf(IdType.class);
            for (String t : p.getProperty(code).split(",")) {
                types.add(IdType.valueOf(t.trim()));
            }
            m.put(code.trim(), Set.copyOf(types));
        }
        return Map.copyOf(m);
    }
}
