package org.smartproperty.platform.persistence.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = "org.smartproperty.cluster", name = "SmartProperty cluster events",
        description = "Cache invalidations between the nodes on one PostgreSQL (issue 19 item 1): pg_notify in the writing "
                + "transaction, one listening connection per node. Nothing to set on the embedded H2 database (one node).")
public @interface ClusterEventsConfig {

    @AttributeDefinition(name = "Node name", description = "How this node names itself in the events, logs and health details; "
            + "empty = host name/process id. A random suffix per start keeps two processes apart.")
    String node_name() default "";

    @AttributeDefinition(name = "Wait (ms)", min = "50", max = "5000",
            description = "How long one wait for notifications lasts (an event is delivered as soon as it arrives; this bounds how fast the listener stops).")
    long waitMillis() default 500;

    @AttributeDefinition(name = "Reconnect backoff limit (ms)", min = "250", max = "300000",
            description = "A lost listening connection is opened again after 250 ms, doubling up to this.")
    long reconnect_maxBackoffMillis() default 30_000;

    @AttributeDefinition(name = "Keep-alive (ms)", min = "1000", max = "600000",
            description = "A SELECT 1 on the listening connection this often, so a silently dropped connection is noticed.")
    long keepaliveMillis() default 30_000;
}
