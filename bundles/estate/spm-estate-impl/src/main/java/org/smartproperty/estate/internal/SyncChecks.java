package org.smartproperty.estate.internal;

import static org.smartproperty.estate.internal.RealEstateSyncImpl.*;
import static org.smartproperty.estate.internal.SyncJdbc.*;
import static org.smartproperty.estate.internal.SyncEstates.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.smartproperty.estate.HouseStatus;
import org.smartproperty.estate.HouseUse;
import org.smartproperty.estate.IdType;
import org.smartproperty.estate.OwnerInput;
import org.smartproperty.estate.UnitCode;
import org.smartproperty.estate.sync.HouseRecord;
import org.smartproperty.estate.sync.OwnerRecord;
import org.smartproperty.platform.FieldError;
import org.smartproperty.platform.Validation;

/** INT-RE sync, part of {@link RealEstateSyncImpl}: why a house record cannot be imported (checked before anything is written). */
final class SyncChecks {

    private SyncChecks() {
    }

    /** Why the house cannot be imported (empty = it can): the house and all its owners are checked before anything is written. */
    static List<String> validate(HouseRecord h, Map<String, Long> estates, Map<String, BuildingRow> buildings) {
        return validate(h, precheck(h), estates, buildings);
    }

    /** {@link #validate} given the result of {@link #precheck} (computed while the previous page was written). */
    static List<String> validate(HouseRecord h, List<String> prechecked, Map<String, Long> estates, Map<String, BuildingRow> buildings) {
        List<String> why = new ArrayList<>(prechecked);
        Long estate = h.projectCode() == null ? null : estates.get(h.projectCode().trim());
        BuildingRow b = null;
        if (estate == null) {
            why.add("project " + h.projectCode() + " unknown");
        } else if (h.buildingNumber() == null || (b = buildings.get(estate + "/" + h.buildingNumber().trim())) == null) {
            why.add("building " + h.buildingNumber() + " unknown");
        }
        if (b != null && !blank(h.unitName()) && !b.units.containsKey(h.unitName().trim())) {
            why.add("unit " + h.unitName() + " unknown");
        }
        if (h.floor() != null && b != null && (h.floor() == 0 || h.floor() > b.floorsAbove || h.floor() < -b.floorsBelow)) {
            why.add("floor " + h.floor() + " outside -" + b.floorsBelow + ".." + b.floorsAbove);
        }
        return why;
    }

    /**
     * The checks of a house that need nothing stored (unit code, floor given, room, use, status,
     * areas, every owner's document, phone and share): the costly part of the validation, done by
     * the fetching thread.
     */
    static List<String> precheck(HouseRecord h) {
        List<String> why = new ArrayList<>();
        List<String> code = UnitCode.violations(h.unitCode());
        if (!code.isEmpty()) {
            why.add("unitCode " + code);
        }
        if (h.floor() == null) {
            why.add("floor missing");
        }
        if (blank(h.roomNo()) || h.roomNo().trim().length() > 32) {
            why.add("roomNo");
        }
        if (!isEnum(HouseUse.class, h.use())) {
            why.add("use " + h.use());
        }
        if (h.status() != null && !isEnum(HouseStatus.class, h.status())) {
            why.add("status " + h.status());
        }
        for (BigDecimal a : new BigDecimal[] {h.plannedArea(), h.measuredArea()}) {
            if (a != null && (a.signum() <= 0 || a.compareTo(MAX_AREA) > 0 || a.stripTrailingZeros().scale() > 2)) {
                why.add("area " + a);
            }
        }
        List<OwnerRecord> owners = h.owners() == null ? List.of() : h.owners();
        if (h.owners() == null) {
            why.add("owners missing");
        }
        BigDecimal total = BigDecimal.ZERO;
        Set<String> docs = new HashSet<>();
        for (int i = 0; i < owners.size(); i++) {
            OwnerRecord o = owners.get(i);
            if (o == null) {
                why.add("owners[" + i + "] missing");
                continue;
            }
            IdType type = null;
            if (!isEnum(IdType.class, o.idType())) {
                why.add("owners[" + i + "].idType " + o.idType());
            } else {
                type = IdType.valueOf(o.idType().trim());
            }
            Validation v = EstateValidation.newValidation();
            EstateValidation.owner(new OwnerInput(o.name(), type, o.idNumber(), o.phone(), o.share()), "owners[" + i + "].", v);
            for (FieldError fe : v.errors()) {
                if (type != null || !fe.field().endsWith("idType")) {
                    why.add(fe.field() + " " + fe.code());
                }
            }
            if (o.name() != null && o.name().trim().length() > 100) {
                why.add("owners[" + i + "].name too long");
            }
            if (type != null && o.idNumber() != null && !docs.add(type + ":" + idNumber(o.idNumber()))) {
                why.add("owners[" + i + "] twice");
            }
            if (o.share() != null) {
                total = total.add(o.share());
            }
        }
        if (total.compareTo(HUNDRED) > 0) {
            why.add("owners' shares above 100");
        }
        return why;
    }

    static <E extends Enum<E>> boolean isEnum(Class<E> type, String value) {
        if (value == null) {
            return false;
        }
        try {
            Enum.valueOf(type, value.trim());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String ownerSig(String type, String number, BigDecimal share) {
        return type + ":" + number + ":" + (share == null ? "-" : share.stripTrailingZeros().toPlainString());
    }

    static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
