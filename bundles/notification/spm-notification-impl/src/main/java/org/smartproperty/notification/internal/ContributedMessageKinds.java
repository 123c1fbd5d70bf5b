package org.smartproperty.notification.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartproperty.notification.MessageKinds;
import org.smartproperty.platform.contrib.Contribution;

/**
 * Notification's collector of bundle contributions (issue 10 item 1): registers every bundle's message
 * kinds (number, parameters, zh-CN / zh-TW / pt / en templates) in {@link MessageKinds} while the bundle is
 * active, and takes them away when it goes. Rows already written with a kind that is gone stay; they
 * render as the kind's name until a bundle contributes it again. A kind whose name or number another
 * bundle already holds is refused and logged.
 */
@Component(service = {}, immediate = true)
public class ContributedMessageKinds {

    private static final Logger LOG = LoggerFactory.getLogger(ContributedMessageKinds.class);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addContribution(Contribution c) {
        if (c.messageKinds().isEmpty()) {
            return;
        }
        List<String> refused = MessageKinds.register(c);
        LOG.info("Message kinds of {}: {} registered", c.bundle(), c.messageKinds().size() - refused.size());
        if (!refused.isEmpty()) {
            LOG.error("Message kinds of {} REFUSED: {}", c.bundle(), refused);
        }
    }

    void removeContribution(Contribution c) {
        MessageKinds.unregister(c.bundle());
    }

    @Deactivate
    void deactivate() {
        // the registrations stay with their bundles' contributions; DS unbinds each (removeContribution) first
    }
}
