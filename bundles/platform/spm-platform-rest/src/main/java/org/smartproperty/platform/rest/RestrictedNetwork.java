package org.smartproperty.platform.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Admin and ops endpoints: reachable only from the configured CIDR allow-list (loopback only when
 * none is configured); every denied request is audited.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RestrictedNetwork {
}
