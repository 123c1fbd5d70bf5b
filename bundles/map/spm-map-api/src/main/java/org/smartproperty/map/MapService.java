package org.smartproperty.map;

import java.util.List;
import java.util.Locale;

import org.osgi.annotation.versioning.ProviderType;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * The one map (MAP-1..11, PMAP): reads the other domains through their exported services, keeps no tables. A {@code null}
 * caller is the public (PMAP: active estates only, MAP-2..7 panels only, personal data masked). A staff caller sees its
 * scope (a company its estates, a committee its estate, the regulator all); an estate outside it is 404 like one that does
 * not exist. A domain whose service is absent answers 503 naming it. Unknown panels and themes are 404; a bbox or zoom out of
 * range is 400 with field errors.
 */
@ProviderType
public interface MapService {

    /** MAP-2..11 in the order the clients show them. */
    List<String> PANELS = List.of("overview", "company", "committee", "tenders", "votes", "notices", "complaints", "patrols",
            "repairs", "satisfaction");

    /** PMAP: what the public sees (MAP-1..7). */
    List<String> PUBLIC_PANELS = List.of("overview", "company", "committee", "tenders", "votes", "notices");

    /** The thematic layers (staff only). */
    List<String> THEMES = List.of("complaint-density", "credit-grade", "assessment-result", "open-repairs");

    /** How many lines a list panel holds at most (newest first; {@code total} says how many there are). */
    int PANEL_ITEMS = 20;

    /** MAP-1: estates inside the bbox as points and (simplified) boundaries, or grid clusters below the clustering zoom. */
    FeatureCollection estates(SpmPrincipal caller, MapQuery query, Locale locale);

    /** A thematic layer: a point per estate in the bbox with {@code value} and {@code cls}, the legend in the answer. */
    FeatureCollection theme(SpmPrincipal caller, String theme, MapQuery query, Locale locale);

    /** One panel of an estate (caller null = the public subset). */
    Panel panel(SpmPrincipal caller, long estateId, String panel, Locale locale);
}
