package org.smartproperty.publishing.internal;

import java.io.Serializable;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** A row of {@code pub_notice_estate}: an estate a notice is for (a notice without one is zone-wide). */
@Entity
@Table(name = "pub_notice_estate")
@IdClass(NoticeEstate.Key.class)
public class NoticeEstate {

    @Id @Column(name = "notice_id") long noticeId;
    @Id @Column(name = "estate_id") long estateId;

    NoticeEstate() {
    }

    NoticeEstate(long noticeId, long estateId) {
        this.noticeId = noticeId;
        this.estateId = estateId;
    }

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        long noticeId;
        long estateId;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.noticeId == noticeId && k.estateId == estateId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(noticeId, estateId);
        }
    }
}
