package org.smartproperty.platform.rest;

import org.smartproperty.platform.ApiException;

/**
 * 503 for a domain whose service is momentarily absent (its impl bundle is being updated or its
 * schema migration failed). REST bundles reference their domain service dynamically and answer
 * with this instead of disappearing, so the /api/v1 application is never rebuilt by an impl swap.
 */
public final class Unavailable {

    private Unavailable() {
    }

    public static ApiException domain(String name) {
        return ApiException.unavailable(name);
    }
}
