package org.smartproperty.platform.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * PID {@code org.smartproperty.overload}: how a node sheds load beyond its capacity (issue 19 item 5, OPS-2, OPS-8):
 * a global limit of /api/v1 requests in progress (503 {@code problem.overload.busy}) and a per-client token bucket
 * (429 {@code problem.overload.client}), both with {@code Retry-After}. Changed at run time; per node. The client
 * address follows {@code network.trustedProxies} of PID {@code org.smartproperty.security} (docs/operations.md
 * "Overload protection").
 */
@ObjectClassDefinition(name = "SmartProperty overload protection",
        description = "Limits of /api/v1 requests in progress and per client (per node); beyond them 503/429 with Retry-After")
public @interface OverloadConfig {

    @AttributeDefinition(description = "Whether the limits apply at all")
    boolean enabled() default true;

    @AttributeDefinition(description = "Requests in progress at once on this node (1..10000); more wait for a place")
    int maxConcurrent() default 64;

    @AttributeDefinition(description = "How long a request over maxConcurrent waits for a place before 503, in milliseconds (0..30000)")
    int queueWaitMillis() default 500;

    @AttributeDefinition(description = "Requests that may wait for a place at once (0..10000); beyond it 503 at once")
    int maxQueued() default 64;

    @AttributeDefinition(description = "Retry-After of the 503 answer, in seconds (1..3600)")
    int busyRetryAfterSeconds() default 1;

    @AttributeDefinition(description = "Whether the per-client limit applies")
    boolean perClient_enabled() default true;

    @AttributeDefinition(description = "Calls a client address gets back per second (refill, 1..100000)")
    int perClient_rate() default 20;

    @AttributeDefinition(description = "Calls a client address may make at once (bucket size, 1..1000000)")
    int perClient_burst() default 200;

    @AttributeDefinition(description = "Client addresses (CIDR ranges) without a per-client limit; the global limit still applies to them")
    String[] perClient_exempt() default {"127.0.0.0/8", "::1/128"};

    @AttributeDefinition(description = "Most clients tracked at once; beyond it the least recently seen is dropped (1..10000000)")
    int perClient_maxClients() default 100_000;

    @AttributeDefinition(description = "Paths under /api/v1 outside both limits: exact, or a prefix ending in /*")
    String[] exemptPaths() default {"health", "health/*"};
}
