package org.smartproperty.dev.demodata.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

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
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.House;
import org.smartproperty.estate.HouseQuery;
import org.smartproperty.estate.HouseStatus;
import org.smartproperty.estate.HouseInput;
import org.smartproperty.estate.OwnerInput;
import org.smartproperty.platform.ApiException;
import org.smartproperty.platform.PageRequest;
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
final class CommitteeSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(CommitteeSeeder.class);

    enum Plan { APPROVED, PENDING, RETURNED, NOT_FILED }

    private final CommitteeService committees;
    private final EstateService estates;
    private final FileStore files;
    private final BooleanSupplier running;
    private final Clock clock;
    private final HengqinDataSet data;

    CommitteeSeeder(CommitteeService committees, EstateService estates, FileStore files, BooleanSupplier running, Clock clock,
                    HengqinDataSet data) {
        this.data = data;
        this.committees = committees;
        this.estates = estates;
        this.files = files;
        this.running = running;
        this.clock = clock;
    }

    /** The plan of the k-th committee (k = 0 for 澳门新街坊: approved). */
    static Plan plan(int k) {
        return Plan.values()[k % Plan.values().length];
    }

    /** @return committees created by this run */
    int seed() {
        List<Estate> demo = DemoEstates.list(estates);
        LocalDate today = LocalDate.now(clock);
        int created = 0;
        for (int i = 0, k = 0; i < demo.size() && running.getAsBoolean(); i += 2, k++) {
            Estate e = demo.get(i);
            if (committees.list(DataScope.ALL, new CommitteeQuery(e.id(), null), PageRequest.of(0, 1)).total() > 0) {
                continue;
            }
            List<Member> owners = owners(e, 5 + 2 * (k % 3));
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
                        e.companyId(), elected, termStart, termStart.plusYears(5).minusDays(1), members), DemoDataSeeder.ACTOR);
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
        String actor = DemoDataSeeder.ACTOR;
        Filing f = committees.submitFiling(head, c.id(), form("业主大会决议及选举结果备案"), actor);
        switch (plan) {
            case APPROVED -> committees.approve(c.id(), f.id(), f.version(), "材料齐全，准予备案", actor);
            case RETURNED -> committees.returnFiling(c.id(), f.id(), f.version(), "缺少业主大会表决票统计表，请补充后重新提交", actor);
            default -> {
            }
        }
    }

    private FilingInput form(String note) {
        return new FilingInput(List.of(DemoEstates.pdf(files, DemoDataSeeder.ACTOR, "业主大会会议记录", "minutes.pdf"),
                DemoEstates.pdf(files, DemoDataSeeder.ACTOR, "委员名单", "members.pdf")), note);
    }

    /** A member to be: the owner's id, and the name and phone the data set gave (the estate service shows them masked). */
    record Member(long ownerId, String name, String phone) {
    }

    /** {@code n} distinct sole owners of sold houses of the estate, in house order. */
    private List<Member> owners(Estate e, int n) {
        Map<String, HouseInput> byUnit = new HashMap<>();
        data.estates().stream().filter(d -> d.estate().projectCode().equals(e.projectCode())).findFirst()
                .ifPresent(d -> d.allHouses().forEach(h -> byUnit.put(h.unitCode(), h)));
        Map<Long, Member> found = new LinkedHashMap<>();
        for (House h : estates.houses(DataScope.ALL, e.id(), new HouseQuery(null, null, HouseStatus.SOLD, null), PageRequest.of(0, 80)).items()) {
            HouseInput in = byUnit.get(h.unitCode());
            if (found.size() < n && in != null && h.owners().size() == 1 && in.owners().size() == 1) {
                OwnerInput o = in.owners().get(0);
                found.putIfAbsent(h.owners().get(0).id(), new Member(h.owners().get(0).id(), o.name(), o.phone()));
            }
        }
        return new ArrayList<>(found.values());
    }
}
