package org.smartproperty.platform.rest.internal;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.platform.security.Cidr;

/** CIDR lists of this bundle's configurations (trusted proxies, exempt clients): a String[], an Iterable or a comma list. */
final class Cidrs {

    private static final Logger LOG = LoggerFactory.getLogger(Cidrs.class);

    private Cidrs() {
    }

    /** The ranges of a configuration value; an entry that is no CIDR range is logged ("{owner}: {what} … ignored") and left out. */
    static List<Cidr> parse(Object raw, String owner, String what) {
        List<String> texts = new ArrayList<>();
        if (raw instanceof String[] a) {
            texts.addAll(List.of(a));
        } else if (raw instanceof Iterable<?> it) {
            it.forEach(o -> texts.add(String.valueOf(o)));
        } else if (raw instanceof String s) {
            texts.addAll(List.of(s.split(",")));
        }
        List<Cidr> out = new ArrayList<>();
        for (String t : texts) {
            if (t == null || t.isBlank()) {
                continue;
            }
            try {
                out.add(Cidr.parse(t.trim()));
            } catch (IllegalArgumentException e) {
                LOG.warn("{}: {} {} is not a CIDR range and is ignored", owner, what, t);
            }
        }
        return List.copyOf(out);
    }
}
