package org.smartproperty.platform.testsupport;

import org.smartproperty.platform.contrib.Contribution;

/**
 * Contributions for tests outside OSGi whose module cannot see the contributing bundle (issue 10 item 1):
 * the twelve message kinds and eight default time limits that existed before issue 10, as their bundles
 * contribute them: {@code MessageKinds.register(StandInContributions.messageKinds())},
 * {@code ContributedTimeLimits.seed(dataSource, StandInContributions.timeLimits(), now)}.
 */
public final class StandInContributions {

    private StandInContributions() {
    }

    public static Contribution messageKinds() {
        return load();
    }

    public static Contribution timeLimits() {
        return load();
    }

    private static Contribution load() {
        return Contribution.load("test.stand-in", StandInContributions.class,
                "/org/smartproperty/platform/testsupport/stand-ins.contributions.properties");
    }
}
