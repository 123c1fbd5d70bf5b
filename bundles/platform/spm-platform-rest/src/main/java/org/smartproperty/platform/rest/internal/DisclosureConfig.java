package org.smartproperty.platform.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * PID {@code org.smartproperty.disclosure}: caching and per-client rate limits of {@code /api/v1/public/**}
 * (DIS-1..6, issue 17 item 4). The trusted proxies are those of PID {@code org.smartproperty.security}
 * ({@code network.trustedProxies}), configured once for bans, throttling, audit and these limits.
 */
@ObjectClassDefinition(name = "SmartProperty public disclosure surface",
        description = "Caching and per-client rate limits of /api/v1/public (per node)")
public @interface DisclosureConfig {

    @AttributeDefinition(description = "max-age of Cache-Control: public on successful GET answers, in seconds (0..86400)")
    int cache_maxAgeSeconds() default 60;

    @AttributeDefinition(description = "Whether the per-client rate limit applies")
    boolean rateLimit_enabled() default true;

    @AttributeDefinition(description = "Calls a client may make at once (bucket size, 1..1000000)")
    int rateLimit_burst() default 600;

    @AttributeDefinition(description = "Calls a client gets back per minute (refill, 1..1000000)")
    int rateLimit_perMinute() default 1200;

    @AttributeDefinition(description = "Minutes after which an idle client's bucket is dropped (1..1440)")
    int rateLimit_idleMinutes() default 10;

    @AttributeDefinition(description = "Most clients tracked at once; beyond it the least recently seen is dropped (1..10000000)")
    int rateLimit_maxClients() default 100_000;
}
