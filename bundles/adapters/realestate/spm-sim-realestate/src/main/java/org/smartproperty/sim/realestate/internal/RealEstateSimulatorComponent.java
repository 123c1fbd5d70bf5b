package org.smartproperty.sim.realestate.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the {@link RealEstateSimulator} inside Karaf (feature spm-dev); a configuration change restarts it. */
@Component(immediate = true, service = {}, configurationPid = "org.smartproperty.sim.realestate",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RealEstateSimulatorConfig.class)
public class RealEstateSimulatorComponent {

    private static final Logger LOG = LoggerFactory.getLogger(RealEstateSimulatorComponent.class);

    private RealEstateSimulator simulator;

    @Activate
    void activate(RealEstateSimulatorConfig config) throws IOException {
        RealEstateSimulator sim = new RealEstateSimulator(config.houses());
        try {
            sim.start(config.bindAddress(), config.port());
        } catch (IOException e) {
            LOG.error("Real-estate simulator cannot listen on {}:{} ({}); set port in PID org.smartproperty.sim.realestate",
                    config.bindAddress(), config.port(), e.toString());
            throw e;
        }
        simulator = sim;
        LOG.warn("SIMULATED real-estate information system (development only) on {} with {} houses", sim.baseUri(), sim.houses());
    }

    @Deactivate
    void deactivate() {
        if (simulator != null) {
            simulator.stop();
            simulator = null;
        }
    }
}
