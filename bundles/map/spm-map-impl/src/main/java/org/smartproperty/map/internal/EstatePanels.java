package org.smartproperty.map.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.smartproperty.committee.Committee;
import org.smartproperty.committee.CommitteeQuery;
import org.smartproperty.committee.CommitteeStatus;
import org.smartproperty.committee.PublicCommittee;
import org.smartproperty.company.Company;
import org.smartproperty.complaint.Complaint;
import org.smartproperty.complaint.ComplaintQuery;
import org.smartproperty.complaint.ComplaintService;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateQuery;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.EstateStatus;
import org.smartproperty.map.MapMessages;
import org.smartproperty.map.MapService;
import org.smartproperty.map.Panel;
import org.smartproperty.map.Panel.CommitteeInfo;
import org.smartproperty.map.Panel.CompanyInfo;
import org.smartproperty.map.Panel.EstateRef;
import org.smartproperty.map.Panel.Item;
import org.smartproperty.map.Panel.Overview;
import org.smartproperty.map.Panel.Satisfaction;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.PersonalData;
import org.smartproperty.platform.security.DataScope;
import org.smartproperty.platform.security.SpmPrincipal;
import org.smartproperty.publishing.Notice;
import org.smartproperty.publishing.NoticeQuery;
import org.smartproperty.publishing.NoticeStatus;
import org.smartproperty.publishing.PublishingService;
import org.smartproperty.publishing.PublicNotice;
import org.smartproperty.service.PatrolQuery;
import org.smartproperty.service.PatrolService;
import org.smartproperty.service.PatrolTask;
import org.smartproperty.service.Repair;
import org.smartproperty.service.RepairQuery;
import org.smartproperty.service.RepairService;
import org.smartproperty.survey.PublicSatisfaction;
import org.smartproperty.tender.PublicTender;
import org.smartproperty.tender.Tender;
import org.smartproperty.tender.TenderQuery;
import org.smartproperty.tender.TenderService;
import org.smartproperty.vote.Views;
import org.smartproperty.vote.Vote;
import org.smartproperty.vote.VoteQuery;
import org.smartproperty.vote.VoteService;

/**
 * The estate panels of the one map (MAP-2..11). The estate comes first: in the caller's scope (404 outside it, exactly like
 * an estate that does not exist), for the public only an active one. Then the panel's domain, with the read permission of
 * that domain for the staff (403 without it) and the caller's scope applied by that domain's service; the public reads the
 * domains' public views (PMAP), which publish only what is published and mask personal data. No owner is ever named.
 */
final class EstatePanels {

    private static final int N = MapService.PANEL_ITEMS;
    private static final Map<String, String> PERMISSION = Map.of("overview", "estate:read", "committee", "committee:read",
            "tenders", "tender:read", "votes", "vote:read", "notices", "publishing:read", "complaints", "complaint:read",
            "patrols", "patrol:read", "repairs", "repair:read", "satisfaction", "survey:read");

    private final MapServiceImpl map;

    EstatePanels(MapServiceImpl map) {
        this.map = map;
    }

    Panel panel(SpmPrincipal caller, long estateId, String panel, Locale locale) {
        Estate e = estate(caller, estateId);
        if (caller != null && PERMISSION.containsKey(panel)) {
            MapServiceImpl.require(caller, PERMISSION.get(panel));
        }
        return switch (panel) {
            case "overview" -> of(panel, e).overview(overview(e)).build();
            case "company" -> of(panel, e).company(company(caller, e)).build();
            case "committee" -> of(panel, e).committee(committee(caller, e)).build();
            case "tenders" -> list(panel, e, caller == null ? publicTenders(e) : tenders(caller, e));
            case "votes" -> list(panel, e, caller == null ? publicVotes(e) : votes(caller, e));
            case "notices" -> list(panel, e, caller == null ? publicNotices(e, locale) : notices(caller, e));
            case "complaints" -> list(panel, e, complaints(caller, e));
            case "patrols" -> list(panel, e, patrols(caller, e));
            case "repairs" -> list(panel, e, repairs(caller, e));
            case "satisfaction" -> of(panel, e).satisfaction(satisfaction(e)).build();
            default -> throw new ApiException(404, "map.panel.unknown", MapMessages.TEXTS, null, panel);
        };
    }

    private Estate estate(SpmPrincipal caller, long id) {
        Estate e = map.estates().get(caller == null ? DataScope.ALL : caller.scope(), id);
        if (caller == null && e.status() != EstateStatus.ACTIVE) {
            throw ApiException.notFound("objects.estate", id);
        }
        return e;
    }

    // ------------------------------------------------------------------ MAP-2, MAP-3, MAP-4

    static Overview overview(Estate e) {
        return new Overview(e.name(), e.address(), e.community(), e.location() == null ? null : e.location().longitude(),
                e.location() == null ? null : e.location().latitude(), e.developer(), e.companyId(), e.companyName(),
                e.feeStandard(), e.overview(), e.buildingCount(), e.houseCount());
    }

    /**
     * MAP-3: the company managing the estate and every active estate it manages. In full for the regulator's scope and the
     * company itself; for the public and the other staff (a committee) the legal representative and the contact are masked
     * and the phone masked as the public company list shows it (DIS-2).
     */
    private CompanyInfo company(SpmPrincipal caller, Estate e) {
        if (e.companyId() == null) {
            return null;
        }
        Company c = map.companies().get(DataScope.ALL, e.companyId());
        boolean full = caller != null && caller.can("company:read")
                && (caller.scope().all() || e.companyId().equals(caller.scope().companyId()));
        List<EstateRef> estates = new ArrayList<>();
        Page<Estate> managed = map.estates().list(DataScope.ALL, new EstateQuery(null, null, c.id(), EstateStatus.ACTIVE, null),
                PageRequest.parse("0", String.valueOf(PageRequest.MAX_SIZE), "name", EstateService.ESTATE_SORT));
        managed.items().forEach(x -> estates.add(new EstateRef(x.id(), x.name())));
        return new CompanyInfo(c.id(), c.name(), c.creditCode(),
                full ? c.legalRepresentative() : PersonalData.maskName(c.legalRepresentative()), c.qualificationGrade(),
                c.certificateNumber(), full ? c.contact() : PersonalData.maskName(c.contact()),
                full ? c.phone() : PersonalData.maskPhone(c.phone()), c.officeAddress(), c.status() == null ? null : c.status().name(),
                estates);
    }

    /** MAP-4: the estate's active committee (the public: head and phone masked, as the committee's public list gives them). */
    private CommitteeInfo committee(SpmPrincipal caller, Estate e) {
        if (caller == null) {
            List<PublicCommittee> found = map.committees().publicList(e.id(), PageRequest.of(0, 1)).items();
            if (found.isEmpty()) {
                return null;
            }
            PublicCommittee c = found.get(0);
            return new CommitteeInfo(c.id(), c.name(), c.headName(), c.phone(), c.address(), c.companyId(),
                    companyName(e, c.companyId()), c.members() == null ? 0 : c.members().size(), c.termStart(), c.termEnd());
        }
        List<Committee> found = map.committees().list(caller.scope(), new CommitteeQuery(e.id(), CommitteeStatus.ACTIVE),
                PageRequest.of(0, 1)).items();
        if (found.isEmpty()) {
            return null;
        }
        Committee c = found.get(0);
        return new CommitteeInfo(c.id(), c.name(), c.headName(), c.phone(), c.address(), c.companyId(), companyName(e, c.companyId()),
                c.members() == null ? 0 : c.members().size(), c.termStart(), c.termEnd());
    }

    private static String companyName(Estate e, Long companyId) {
        return companyId != null && companyId.equals(e.companyId()) ? e.companyName() : null;
    }

    // ------------------------------------------------------------------ MAP-5..10

    private Listed publicTenders(Estate e) {
        TenderService tenders = map.tenders();
        Map<Long, Item> byId = new LinkedHashMap<>();
        for (String kind : List.of("result", "announcement")) {
            for (PublicTender t : tenders.publicList(kind, e.id(), PageRequest.parse("0", String.valueOf(N), "-id", TenderService.SORT)).items()) {
                byId.putIfAbsent(t.id(), new Item(t.id(), t.number(), t.title(), name(t.method()), null, name(t.stage()), null, null,
                        t.bidDeadline(), t.winnerName(), null, null));
            }
        }
        List<Item> items = new ArrayList<>(byId.values());
        items.sort(Comparator.comparingLong(Item::id).reversed());
        return new Listed(items, items.size());
    }

    private Listed tenders(SpmPrincipal caller, Estate e) {
        Page<Tender> p = map.tenders().list(caller, new TenderQuery(null, e.id(), null), sorted(TenderService.SORT));
        return counted(p, p.items().stream().map(t -> new Item(t.id(), t.number(), t.title(), name(t.method()), null, name(t.stage()),
                t.createdAt(), null, t.bidDeadline(), t.winnerName(), t.bidderCount() == null ? null : (long) t.bidderCount(), null)).toList());
    }

    private Listed publicVotes(Estate e) {
        Page<Views.PublicVote> p = map.votes().publicList(e.id(), sorted(VoteService.SORT));
        return counted(p, p.items().stream().map(v -> new Item(v.id(), null, v.title(), v.initiatorKind(), null, name(v.status()), null,
                v.startsAt(), v.endsAt(), null, v.participatingHeads(), v.electorHeads() == null ? null : (long) v.electorHeads())).toList());
    }

    private Listed votes(SpmPrincipal caller, Estate e) {
        Page<Vote> p = map.votes().list(caller, new VoteQuery(null, e.id(), null), sorted(VoteService.SORT));
        return counted(p, p.items().stream().map(v -> new Item(v.id(), null, v.title(), v.initiatorKind(), null, name(v.status()),
                v.createdAt(), v.startsAt(), v.endsAt(), null, v.participatingHeads(),
                v.electorHeads() == null ? null : (long) v.electorHeads())).toList());
    }

    private Listed publicNotices(Estate e, Locale locale) {
        Page<PublicNotice> p = map.publishing().publicNotices(e.id(), null, locale,
                PageRequest.parse("0", String.valueOf(N), "-publishedAt,-id", PublishingService.NOTICE_SORT));
        return counted(p, p.items().stream().map(n -> new Item(n.id(), null, n.title(), n.category(), n.categoryLabel(), null,
                n.publishedAt(), n.windowStart(), n.windowEnd(), n.urgent() ? "urgent" : null, null, null)).toList());
    }

    /** The staff see the estate's published notices too (drafts and reviews are the publishing pages' business). */
    private Listed notices(SpmPrincipal caller, Estate e) {
        Page<Notice> p = map.publishing().notices(caller, new NoticeQuery(NoticeStatus.PUBLISHED, null, e.id(), null),
                PageRequest.parse("0", String.valueOf(N), "-publishedAt,-id", PublishingService.NOTICE_SORT));
        return counted(p, p.items().stream().map(n -> new Item(n.id(), null, n.title(), n.category(), n.categoryLabel(), name(n.status()),
                n.publishedAt(), n.windowStart(), n.windowEnd(), n.urgent() ? "urgent" : null, null, null)).toList());
    }

    /** MAP-8: the estate's complaints and their results; the complainant is not shown on the map. */
    private Listed complaints(SpmPrincipal caller, Estate e) {
        Page<Complaint> p = map.complaints().list(caller, new ComplaintQuery(null, null, e.id(), null), sorted(ComplaintService.SORT));
        return counted(p, p.items().stream().map(c -> new Item(c.id(), c.number(), c.title(), name(c.category()), null, name(c.status()),
                c.registeredAt(), null, c.dueAt(), c.result(), null, null)).toList());
    }

    /** MAP-9: the estate's patrol tasks with their findings and fixes. */
    private Listed patrols(SpmPrincipal caller, Estate e) {
        Page<PatrolTask> p = map.patrols().tasks(caller, new PatrolQuery(null, e.id(), null), sorted(PatrolService.TASK_SORT));
        return counted(p, p.items().stream().map(t -> new Item(t.id(), t.number(), t.title(), null, null, name(t.status()),
                t.createdAt(), null, t.dueAt(), t.fix() != null ? t.fix() : t.findings(), null, null)).toList());
    }

    /** MAP-10: the estate's repairs and their results; the requester and the house are not shown on the map. */
    private Listed repairs(SpmPrincipal caller, Estate e) {
        Page<Repair> p = map.repairs().list(caller, new RepairQuery(null, null, e.id(), null), sorted(RepairService.SORT));
        return counted(p, p.items().stream().map(r -> new Item(r.id(), r.number(), shorten(r.description()), name(r.category()), null,
                name(r.status()), r.requestedAt(), null, r.dueAt(), r.report(), null, null)).toList());
    }

    /** MAP-11: the published results for the estate's company and committee, current first, then the history. */
    private List<Satisfaction> satisfaction(Estate e) {
        PublicSatisfaction s = map.surveys().publicResults(e.id());
        List<Satisfaction> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        if (s.company() != null) {
            out.add(satisfaction(s.company(), true));
        }
        if (s.committee() != null) {
            out.add(satisfaction(s.committee(), true));
        }
        if (s.history() != null) {
            s.history().forEach(h -> out.add(satisfaction(h, false)));
        }
        return out;
    }

    private static Satisfaction satisfaction(PublicSatisfaction.Entry x, boolean current) {
        return new Satisfaction(x.surveyId(), x.title(), name(x.subject()), x.name(), x.periodFrom(), x.periodTo(), x.score(),
                x.responseRate(), x.rank(), x.ranked(), current);
    }

    // ------------------------------------------------------------------ helpers

    private static PageRequest sorted(java.util.Set<String> sortable) {
        return PageRequest.parse("0", String.valueOf(N), "-id", sortable);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static String shorten(String s) {
        return s == null || s.length() <= 80 ? s : s.substring(0, 79) + "…";
    }

    private static Listed counted(Page<?> page, List<Item> items) {
        return new Listed(items, page.total());
    }

    private static Panel list(String panel, Estate e, Listed listed) {
        return new Panel(panel, e.id(), e.name(), null, null, null, List.copyOf(listed.items()), listed.total(), null);
    }

    private static Builder of(String panel, Estate e) {
        return new Builder(panel, e);
    }

    /** The lines of a list panel with the total of the domain's page they came from. */
    private record Listed(List<Item> items, long total) {
    }

    private static final class Builder {
        private final String panel;
        private final Estate e;
        private Overview overview;
        private CompanyInfo company;
        private CommitteeInfo committee;
        private List<Satisfaction> satisfaction;

        Builder(String panel, Estate e) {
            this.panel = panel;
            this.e = e;
        }

        Builder overview(Overview o) { this.overview = o; return this; }
        Builder company(CompanyInfo c) { this.company = c; return this; }
        Builder committee(CommitteeInfo c) { this.committee = c; return this; }
        Builder satisfaction(List<Satisfaction> s) { this.satisfaction = s; return this; }

        Panel build() {
            return new Panel(panel, e.id(), e.name(), overview, company, committee, null, null, satisfaction);
        }
    }
}
