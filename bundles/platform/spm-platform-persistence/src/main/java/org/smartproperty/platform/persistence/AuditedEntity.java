package org.smartproperty.platform.persistence;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.MappedSuperclass;
import javax.persistence.PrePersist;
import javax.persistence.PreUpdate;
import javax.persistence.Version;

/**
 * Columns every business row carries: {@code version} (optimistic locking, the HTTP ETag) and
 * created/updated at (UTC) and by. Subclasses declare their own id with a sequence whose
 * Liquibase {@code incrementBy} equals the JPA {@code allocationSize}.
 */
@MappedSuperclass
public abstract class AuditedEntity {

    /** Who acts when no authenticated principal is known (system jobs, demo data). */
    public static final String SYSTEM = "system";

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    @PrePersist
    void onCreate() {
        Instant now = Instant.now();
        createdAt = now;
        updatedAt = now;
        if (createdBy == null) {
            createdBy = SYSTEM;
        }
        if (updatedBy == null) {
            updatedBy = createdBy;
        }
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Instant.now();
    }

    public long getVersion() { return version; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getUpdatedBy() { return updatedBy; }

    public void touchedBy(String actor) {
        if (createdBy == null) {
            createdBy = actor;
        }
        updatedBy = actor;
    }
}
