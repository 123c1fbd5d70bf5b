package org.smartproperty.committee.demo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.committee.Committee;
import org.smartproperty.committee.CommitteeInput;
import org.smartproperty.committee.CommitteeQuery;
import org.smartproperty.committee.CommitteeService;
import org.smartproperty.committee.Filing;
import org.smartproperty.committee.FilingInput;
import org.smartproperty.committee.MemberInput;
import org.smartproperty.committee.Position;
import org.smartproperty.dev.demodata.DemoContext;
import org.smartproperty.dev.demodata.DemoSeeder;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.House;
import org.smartproperty.estate.HouseQuery;
import org.smartproperty.estate.HouseStatus;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.files.AttachmentInput;
import org.smartproperty.platform.files.FileStore;
import org.smartproperty.platform.security.DataScope;

/**
 * The committee domain's demo data (issue 11 item 2): an owners' committee for every other demo
 * estate (the first, 澳门新街坊, included), 5, 7 or 9 members who own a house there, registered
 * through {@link CommitteeService}, with filings approved, pending and returned, and some not filed
 * yet. The service takes the filing date from its own clock and refuses filings later than 30 days
 * after the election (OC-2), so the filed committees were elected in the last four weeks and the
 * unfiled ones earlier. Idempotent: an estate that has a committee is skipped.
 */
@Component(service = DemoSeeder.class)
public class CommitteeDemoSeeder implements DemoSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(CommitteeDemoSeeder.class);
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

    enum Plan { APPROVED, PENDING, RETURNED, NOT_FILED }

    @Reference
    CommitteeService committees;
    @Reference
    EstateService estates;
    @Reference
    FileStore files;

    private String actor = "demo-seed";

    @Override
    public String name() {
        return "committee";
    }

    @Override
    public Set<String> after() {
        return Set.of(ESTATES);
    }

    @Override
    public void seed(DemoContext context) {
        seedCommittees(context);
    }

    /** The plan of the k-th committee (k = 0 for 澳门新街坊: approved). */
    static Plan plan(int k) {
        return Plan.values()[k % Plan.values().length];
    }

    /** @return committees created by this run */
    int seedCommittees(DemoContext context) {
        actor = context.actor();
        List<Estate> demo = context.estates();
        LocalDate today = LocalDate.now(context.clock().withZone(java.time.ZoneId.of("Asia/Shanghai")));
        int created = 0;
        for (int i = 0, k = 0; i < demo.size() && context.running(); i += 2, k++) {
            Estate e = demo.get(i);
            if (committees.list(DataScope.ALL, new CommitteeQuery(e.id(), null), PageRequest.of(0, 1)).total() > 0) {
                continue;
            }
            List<Member> owners = owners(context, e, 5 + 2 * (k % 3));
            if (owners.size() % 2 == 0) {
                owners = owners.subList(0, owners.size() - 1); // OC-1: an odd number of members
            }
            if (owners.size() < 5) {
                LOG.warn("Demo estate {} has too few owners for a committee", e.name());
                continue;
            }
            List<MemberInput> members = new ArrayList<>();
            for (int m = 0; m < owners.size(); m++) {
                Member o = owners.get(m);
                members.add(new MemberInput(o.ownerId(), o.name(), o.phone(), m == 0 ? Position.HEAD : m < 3 ? Position.DEPUTY : Position.MEMBER));
            }
            Plan plan = plan(k);
            LocalDate elected = plan == Plan.NOT_FILED ? today.minusDays(40 + 37L * k) : today.minusDays(3 + (7L * k) % 25);
            LocalDate termStart = elected.plusDays(1);
            try {
                Committee c = committees.create(new CommitteeInput(e.id(), e.name() + "业主委员会", members.get(0).phone(), e.address(),
                        e.companyId(), elected, termStart, termStart.plusYears(5).minusDays(1), members), actor);
                created++;
                file(c, e.id(), plan);
            } catch (ApiException ex) {
                LOG.error("Demo committee of {} not seeded: {} {}", e.name(), ex.getMessage(), ex.errors());
            }
        }
        LOG.info("Demo committees: {} created", created);
        return created;
    }

    private void file(Committee c, long estateId, Plan plan) {
        if (plan == Plan.NOT_FILED) {
            return;
        }
        DataScope head = DataScope.committee(estateId);
        Filing f = committees.submitFiling(head, c.id(), form("业主大会决议及选举结果备案"), actor);
        switch (plan) {
            case APPROVED -> committees.approve(c.id(), f.id(), f.version(), "材料齐全，准予备案", actor);
            case RETURNED -> committees.returnFiling(c.id(), f.id(), f.version(), "缺少业主大会表决票统计表，请补充后重新提交", actor);
            default -> {
            }
        }
    }

    private FilingInput form(String note) {
        return new FilingInput(List.of(pdf("业主大会会议记录", "minutes.pdf"),
                pdf("委员名单", "members.pdf")), note);
    }

    /** A member to be: the owner's id, and the name and phone the data set gave (the estate service shows them masked). */
    record Member(long ownerId, String name, String phone) {
    }

    /** {@code n} distinct sole owners of sold houses of the estate, in house order. */
    private List<Member> owners(DemoContext context, Estate e, int n) {
        Map<Long, Member> found = new LinkedHashMap<>();
        for (House h : estates.houses(DataScope.ALL, e.id(), new HouseQuery(null, null, HouseStatus.SOLD, null), PageRequest.of(0, 80)).items()) {
            Optional<DemoContext.Owner> o = context.owner(h.unitCode());
            if (found.size() < n && o.isPresent() && h.owners().size() == 1) {
                found.putIfAbsent(h.owners().get(0).id(), new Member(h.owners().get(0).id(), o.get().name(), o.get().phone()));
            }
        }
        return new ArrayList<>(found.values());
    }

    /** A small PDF uploaded by the seeding actor. */
    private AttachmentInput pdf(String title, String name) {
        return new AttachmentInput(title, files.upload(new ByteArrayInputStream(PDF), name, actor).id());
    }
}
