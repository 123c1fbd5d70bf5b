package org.smartproperty.sim.sms.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the {@link SmsSimulator} inside Karaf (feature spm-dev). A configuration change restarts it; messages are lost then. */
@Component(immediate = true, service = {}, configurationPid = "org.smartproperty.sim.sms", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SmsSimulatorConfig.class)
public class SmsSimulatorComponent {

    private static final Logger LOG = LoggerFactory.getLogger(SmsSimulatorComponent.class);

    private SmsSimulator simulator;

    @Activate
    void activate(SmsSimulatorConfig c) throws IOException {
        List<Duration> retries = new ArrayList<>();
        for (int m : c.receiptRetryMinutes()) {
            retries.add(Duration.ofMinutes(m));
        }
        SmsSimulator sim = new SmsSimulator(new SmsSimulator.Settings(c.bindAddress(), c.accessKeyId(), c.accessKeySecret(), c.signName(),
                c.receiptUrl(), c.receiptToken(), Duration.ofSeconds(c.receiptDelaySeconds()), retries, Clock.systemUTC()));
        try {
            sim.start(c.port());
        } catch (IOException e) {
            LOG.error("SMS simulator cannot listen on {}:{} ({}); set port in PID org.smartproperty.sim.sms", c.bindAddress(), c.port(), e.toString());
            throw e;
        }
        simulator = sim;
        LOG.warn("SIMULATED SMS providers (development only) on {}: /aliyun/, /tencent/, inbox {}/sim/sms/", sim.baseUri(), sim.baseUri());
    }

    @Deactivate
    void deactivate() {
        if (simulator != null) {
            simulator.stop();
            simulator = null;
        }
    }
}
