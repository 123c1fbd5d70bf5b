package org.smartproperty.publishing;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.review.ReviewEvent;
import org.smartproperty.platform.security.SpmPrincipal;

/**
 * Publishing (SVC-PUB-1, PUB-1, PUB-2, COS-9, MAP-7): the policy library and notices. Every method takes the caller and is one
 * transaction; invalid input is a 400 with all field errors, an object outside the caller's scope 404, a stale version 412, a
 * step the state does not allow 409. Every write is audited in the same transaction (object kinds {@code policy}, {@code notice}).
 *
 * <p>Who: the regulator ({@code publishing:manage}) keeps the policies and its own notices, zone-wide or to chosen estates, and
 * reviews ({@code publishing:review}) what a company or committee submits where the category says so. A company or committee
 * ({@code publishing:notice}) publishes notices for its own estates only and sees only those.
 */
@ProviderType
public interface PublishingService {

    /** Sort keys of the policy lists (a text search ranks by hits instead). */
    Set<String> POLICY_SORT = Set.of("id", "title", "effectiveDate", "level", "publishedAt", "updatedAt");
    /** Sort keys of the notice lists. */
    Set<String> NOTICE_SORT = Set.of("id", "title", "publishedAt", "publishAt", "status", "updatedAt");

    // ------------------------------------------------------------------ policies (PUB-1)

    Page<Policy> policies(SpmPrincipal caller, PolicyQuery query, PageRequest page);

    Policy policy(SpmPrincipal caller, long id);

    Policy createPolicy(SpmPrincipal caller, PolicyInput input);

    Policy updatePolicy(SpmPrincipal caller, long id, long expectedVersion, PolicyInput input);

    /** DRAFT or WITHDRAWN → PUBLISHED. */
    Policy publishPolicy(SpmPrincipal caller, long id, long expectedVersion);

    /** PUBLISHED → WITHDRAWN. */
    Policy withdrawPolicy(SpmPrincipal caller, long id, long expectedVersion);

    /** Published policies for anyone; {@code q} searched in the bigram index, ranked by hits. */
    Page<Policy> publicPolicies(PolicyQuery query, PageRequest page);

    Policy publicPolicy(long id);

    // ------------------------------------------------------------------ notices (PUB-2, COS-9, MAP-7)

    List<NoticeCategory> categories(Locale locale);

    Page<Notice> notices(SpmPrincipal caller, NoticeQuery query, PageRequest page);

    Notice notice(SpmPrincipal caller, long id);

    /** A DRAFT notice of the caller's kind (regulator, company, committee). */
    Notice createNotice(SpmPrincipal caller, NoticeInput input);

    /** Changes a DRAFT or RETURNED notice. */
    Notice updateNotice(SpmPrincipal caller, long id, long expectedVersion, NoticeInput input);

    /**
     * The publisher releases its notice: to the regulator's review where its category wants it for the publisher's kind
     * (SUBMITTED, a review round), otherwise SCHEDULED (publishAt ahead) or PUBLISHED at once with its notifications.
     */
    Notice submitNotice(SpmPrincipal caller, long id, long expectedVersion);

    /** The regulator approves a SUBMITTED notice: SCHEDULED or PUBLISHED. */
    Notice approveNotice(SpmPrincipal caller, long id, long expectedVersion, String reason);

    /** The regulator returns a SUBMITTED notice with a reason (required): RETURNED, the publisher's accounts told in-app. */
    Notice returnNotice(SpmPrincipal caller, long id, long expectedVersion, String reason);

    /** The publisher (or the regulator) takes a notice down: WITHDRAWN, from any state but EXPIRED and WITHDRAWN. */
    Notice withdrawNotice(SpmPrincipal caller, long id, long expectedVersion);

    /** The review history of a notice, oldest first. */
    List<ReviewEvent> noticeHistory(SpmPrincipal caller, long id);

    /** Published, not expired notices for anyone: of one estate (its own and zone-wide ones) or all, optionally of a category. */
    Page<PublicNotice> publicNotices(Long estateId, String category, Locale locale, PageRequest page);

    PublicNotice publicNotice(long id, Locale locale);

    /** The job's work at {@code now}: SCHEDULED notices due are published (with their notifications), PUBLISHED ones past expireAt expire. */
    ScheduleRun runSchedule(Instant now);
}
