package org.smartproperty.dev.demodata.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.smartproperty.dev.demodata.DemoContext;
import org.smartproperty.estate.Estate;
import org.smartproperty.estate.EstateQuery;
import org.smartproperty.estate.EstateService;
import org.smartproperty.estate.HouseInput;
import org.smartproperty.platform.Page;
import org.smartproperty.platform.PageRequest;
import org.smartproperty.platform.security.DataScope;

/** The {@link DemoContext} of one run: the estate service, the data set, the stop flag. */
final class SeedingContext implements DemoContext {

    private final EstateService estates;
    private final HengqinDataSet data;
    private final BooleanSupplier running;
    private final Clock clock;
    private Map<String, HouseInput> houses;

    SeedingContext(EstateService estates, HengqinDataSet data, BooleanSupplier running, Clock clock) {
        this.estates = estates;
        this.data = data;
        this.running = running;
        this.clock = clock;
    }

    @Override
    public String actor() {
        return DemoDataSeeder.ACTOR;
    }

    @Override
    public boolean running() {
        return running.getAsBoolean();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public List<Estate> estates() {
        List<Estate> all = new ArrayList<>();
        for (int p = 0; ; p++) {
            Page<Estate> page = estates.list(DataScope.ALL, EstateQuery.all(), PageRequest.of(p, PageRequest.MAX_SIZE));
            all.addAll(page.items());
            if (page.items().size() < PageRequest.MAX_SIZE) {
                break;
            }
        }
        return all.stream().filter(e -> e.projectCode() != null && e.projectCode().startsWith(HengqinDataSet.PROJECT_CODE_PREFIX))
                .sorted(Comparator.comparing(Estate::projectCode)).toList();
    }

    @Override
    public List<String> propertyCompanies() {
        return List.of(HengqinDataSet.PROPERTY_COMPANIES);
    }

    @Override
    public synchronized Optional<Owner> owner(String unitCode) {
        if (houses == null) {
            houses = new HashMap<>();
            data.estates().forEach(d -> d.allHouses().forEach(h -> houses.put(h.unitCode(), h)));
        }
        HouseInput h = houses.get(unitCode);
        return h == null || h.owners().size() != 1 ? Optional.empty()
                : Optional.of(new Owner(h.owners().get(0).name(), h.owners().get(0).phone()));
    }

    @Override
    public Optional<OwnerHouse> demoOwnerHouse() {
        List<Estate> demo = estates();
        return demo.isEmpty() ? Optional.empty() : Optional.ofNullable(DemoAccounts.demoOwnerHouse(estates, demo.get(0)));
    }
}
