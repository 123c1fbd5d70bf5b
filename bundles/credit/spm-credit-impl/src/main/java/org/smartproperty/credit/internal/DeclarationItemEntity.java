package org.smartproperty.credit.internal;

import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.SequenceGenerator;
import javax.persistence.Table;

import org.smartproperty.credit.DeclarationCategory;

/** One declared base item; verified points and note are set when the regulator approves the round. */
@Entity
@Table(name = "crd_declaration_item")
public class DeclarationItemEntity {
    @Id
    @SequenceGenerator(name = "crd_declaration_item_seq", sequenceName = "crd_declaration_item_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crd_declaration_item_seq")
    Long id;
    @Column(name = "declaration_id") long declarationId;
    @Column(name = "ordinal") int ordinal;
    @Enumerated(EnumType.STRING) @Column(name = "category") DeclarationCategory category;
    @Column(name = "title") String title;
    @Column(name = "claimed_points") int claimedPoints;
    @Column(name = "verified_points") Integer verifiedPoints;
    @Column(name = "note") String note;
    /** JSON [{title, fileId}]: which of the round's materials belong to this item. */
    @Column(name = "evidence") String evidence;
}
