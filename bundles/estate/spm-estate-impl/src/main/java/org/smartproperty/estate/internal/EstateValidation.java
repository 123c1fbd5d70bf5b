package org.smartproperty.estate.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.smartproperty.estate.EstateInput;
import org.smartproperty.estate.EstateMessages;
import org.smartproperty.estate.GeoPoint;
import org.smartproperty.estate.IdDocuments;
import org.smartproperty.estate.OwnerInput;
import org.smartproperty.platform.Validation;

/** Field rules of estate and owner input; every broken rule becomes one field error. */
final class EstateValidation {

    /** China's extent in CGCS2000 degrees: a location outside it is a typo (swapped or missing digits). */
    static final double MIN_LON = 73, MAX_LON = 136, MIN_LAT = 3, MAX_LAT = 54;
    private static final BigDecimal MAX_FEE = new BigDecimal("100");

    private EstateValidation() {
    }

    static void estate(EstateInput in, Validation v) {
        if (in == null) {
            v.required("$", null);
            return;
        }
        if (v.required("name", in.name())) {
            v.maxLength("name", in.name(), 200);
        }
        if (v.required("address", in.address())) {
            v.maxLength("address", in.address(), 400);
        }
        if (v.required("community", in.community())) {
            v.maxLength("community", in.community(), 100);
        }
        if (v.required("adminCode", in.adminCode()) && !in.adminCode().trim().matches("\\d{9}|\\d{12}")) {
            v.error("adminCode", "adminCode.format");
        }
        v.maxLength("projectCode", in.projectCode(), 64);
        v.maxLength("developer", in.developer(), 200);
        v.maxLength("companyName", in.companyName(), 200);
        v.maxLength("overview", in.overview(), 4000);
        v.range("feeStandard", in.feeStandard(), BigDecimal.ZERO, MAX_FEE);
        GeoPoint p = in.location();
        if (p != null) {
            if (p.longitude() == null || p.latitude() == null) {
                v.error("location", "location.incomplete");
            } else {
                if (!inRange(p.longitude(), MIN_LON, MAX_LON)) {
                    v.error("location.longitude", "location.range");
                }
                if (!inRange(p.latitude(), MIN_LAT, MAX_LAT)) {
                    v.error("location.latitude", "location.range");
                }
            }
        }
        if (in.boundary() != null && !validGeoJson(in.boundary())) {
            v.error("boundary", "boundary.geojson");
        }
    }

    static boolean inRange(double d, double min, double max) {
        return !Double.isNaN(d) && d >= min && d <= max;
    }

    /** GeoJSON Polygon / MultiPolygon: closed rings of at least 4 [lon, lat] positions inside China. */
    static boolean validGeoJson(Map<String, Object> g) {
        Object type = g.get("type");
        Object coords = g.get("coordinates");
        if ("Polygon".equals(type)) {
            return polygon(coords);
        }
        if ("MultiPolygon".equals(type) && coords instanceof List<?> polys && !polys.isEmpty()) {
            return polys.stream().allMatch(EstateValidation::polygon);
        }
        return false;
    }

    private static boolean polygon(Object coords) {
        if (!(coords instanceof List<?> rings) || rings.isEmpty()) {
            return false;
        }
        for (Object r : rings) {
            if (!(r instanceof List<?> ring) || ring.size() < 4) {
                return false;
            }
            for (Object pos : ring) {
                if (!(pos instanceof List<?> xy) || xy.size() < 2 || !(xy.get(0) instanceof Number x) || !(xy.get(1) instanceof Number y)
                        || !inRange(x.doubleValue(), MIN_LON, MAX_LON) || !inRange(y.doubleValue(), MIN_LAT, MAX_LAT)) {
                    return false;
                }
            }
            if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
                return false;
            }
        }
        return true;
    }

    private static final Pattern PHONE_NOISE = Pattern.compile("[\\s\\-()]");
    private static final Pattern PHONE = Pattern.compile("(\\+?86)?1[3-9]\\d{9}|\\+853[2-9]\\d{7}|\\+852[2-9]\\d{7}");

    static String normalizePhone(String phone) {
        return phone == null ? null : PHONE_NOISE.matcher(phone).replaceAll("");
    }

    /** Compiled once: the INT-RE sync checks every owner's phone. */
    static boolean validPhone(String phone) {
        return PHONE.matcher(normalizePhone(phone)).matches();
    }

    static void owner(OwnerInput o, String prefix, Validation v) {
        if (o == null) {
            v.required(prefix, null);
            return;
        }
        if (v.required(prefix + "name", o.name())) {
            v.maxLength(prefix + "name", o.name(), 100);
        }
        if (o.idType() == null) {
            v.error(prefix + "idType", "idType.required");
        } else {
            String violation = IdDocuments.violation(o.idType(), o.idNumber());
            if (violation != null) {
                v.error(prefix + "idNumber", violation);
            }
        }
        if (o.phone() != null && !o.phone().isBlank() && !validPhone(o.phone())) {
            v.error(prefix + "phone", "phone.format");
        }
        if (o.share() != null && (o.share().signum() <= 0 || o.share().compareTo(new BigDecimal("100")) > 0)) {
            v.error(prefix + "share", "owner.share");
        }
    }

    static Validation newValidation() {
        return new Validation(EstateMessages.TEXTS);
    }
}
