package org.smartproperty.platform.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a resource method needs ({@code estate:read}). Every /api/v1 method outside
 * {@code /public} carries it or {@link PublicAccess}; the authorization filter denies methods that
 * have neither, and a test fails the build on them. {@link #or()} opens the method to holders of
 * other permissions too (any one suffices); the service then checks which objects each may touch
 * (for example, accounts of admins are the security admin's, issue 20).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresPermission {
    String value();

    /** Alternatives to {@link #value()}: any one of them also admits the caller. */
    String[] or() default {};
}
