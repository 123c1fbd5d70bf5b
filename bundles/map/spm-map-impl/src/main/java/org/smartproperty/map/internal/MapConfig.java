package org.smartproperty.map.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.smartproperty.map}: how the one map's layers are drawn (MAP-1). Out-of-range values fall back to the defaults. */
@ObjectClassDefinition(name = "SmartProperty one map")
public @interface MapConfig {

    @AttributeDefinition(description = "Below this zoom the estates layer answers grid clusters with counts instead of single estates (0..22)")
    int cluster_belowZoom() default 13;

    @AttributeDefinition(description = "Size of a cluster's grid cell in screen pixels (16..512)")
    int cluster_cellPixels() default 80;

    @AttributeDefinition(description = "Douglas-Peucker tolerance of the boundaries in screen pixels at the requested zoom (0 = no simplification, up to 20)")
    double simplify_pixels() default 1.0;

    @AttributeDefinition(description = "Most estates one estates-layer answer covers (the rest of a too large area is left out; 200..200000)")
    int layer_maxEstates() default 100000;

    @AttributeDefinition(description = "Most estates a thematic layer covers; a larger area is 400 (zoom in; 10..10000)")
    int theme_maxEstates() default 2000;
}
