package ${package}.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.platform.persistence.AuditedEntity;

/** A row of {@code ${tablePrefix}_${domain}} (changeset ${tablePrefix}-1); version and created/updated at/by come from {@link AuditedEntity}. */
@Entity
@Table(name = "${tablePrefix}_${domain}")
public class ${Domain}Entity extends AuditedEntity {

    @Id
    @SequenceGenerator(name = "${tablePrefix}_${domain}_seq", sequenceName = "${tablePrefix}_${domain}_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "${tablePrefix}_${domain}_seq")
    Long id;

    @Column(name = "title") String title;
}
