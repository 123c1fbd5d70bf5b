package org.smartproperty.platform;

/** Ordered from best to worst: the readiness of the platform is the worst of its checks. */
public enum HealthStatus {
    UP, WARNING, DOWN;

    public HealthStatus worst(HealthStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
