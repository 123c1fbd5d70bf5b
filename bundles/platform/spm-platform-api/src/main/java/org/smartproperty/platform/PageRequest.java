package org.smartproperty.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code ?page=&size=&sort=}: page numbers start at 0; size 1..{@value #MAX_SIZE} (default
 * {@value #DEFAULT_SIZE}); sort is a comma-separated list of properties, {@code -} before a
 * property for descending. Parsing checks sort keys against what the resource allows, so an
 * unknown one is a 400 naming the field, never a SQL error.
 */
public record PageRequest(int page, int size, List<SortOrder> sort) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public PageRequest {
        sort = sort == null ? List.of() : List.copyOf(sort);
    }

    public static PageRequest of(int page, int size) {
        return new PageRequest(page, size, List.of());
    }

    public int offset() {
        return page * size;
    }

    public static PageRequest parse(String page, String size, String sort, Set<String> sortable) {
        Validation v = new Validation(Messages.PLATFORM);
        int p = parseInt(v, "page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE);
        int s = parseInt(v, "size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        List<SortOrder> orders = new ArrayList<>();
        if (sort != null && !sort.isBlank()) {
            for (String part : sort.split(",")) {
                String key = part.trim();
                if (key.isEmpty()) {
                    continue;
                }
                boolean asc = true;
                if (key.startsWith("-")) {
                    asc = false;
                    key = key.substring(1);
                } else if (key.startsWith("+")) {
                    key = key.substring(1);
                }
                if (!sortable.contains(key)) {
                    v.error("sort", "page.sortUnknown", key, String.join(", ", new java.util.TreeSet<>(sortable)));
                } else {
                    orders.add(new SortOrder(key, asc));
                }
            }
        }
        v.throwIfInvalid();
        return new PageRequest(p, s, orders);
    }

    private static int parseInt(Validation v, String field, String raw, int dflt, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(raw.trim());
            if (n < min || n > max) {
                v.error(field, "page.outOfRange", min, max);
                return dflt;
            }
            return n;
        } catch (NumberFormatException e) {
            v.error(field, "field.integer");
            return dflt;
        }
    }
}
