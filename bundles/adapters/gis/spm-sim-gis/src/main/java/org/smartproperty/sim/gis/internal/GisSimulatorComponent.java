package org.smartproperty.sim.gis.internal;

import java.io.IOException;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the {@link GisSimulator} inside Karaf (feature spm-dev); a configuration change restarts it. */
@Component(immediate = true, service = {}, configurationPid = "org.smartproperty.sim.gis",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = GisSimulatorConfig.class)
public class GisSimulatorComponent {

    private static final Logger LOG = LoggerFactory.getLogger(GisSimulatorComponent.class);

    private GisSimulator simulator;

    @Activate
    void activate(GisSimulatorConfig config) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // tiles are drawn off-screen; bin/setenv sets it too
        }
        GisSimulator sim = new GisSimulator(config.bindAddress(), config.key(), config.slowMillis());
        try {
            sim.mode(GisSimulator.Mode.valueOf(config.mode().trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            LOG.warn("Unknown WMTS simulator mode '{}', using NORMAL", config.mode());
        }
        try {
            sim.start(config.port());
        } catch (IOException e) {
            LOG.error("WMTS simulator cannot listen on {}:{} ({}); set port in PID org.smartproperty.sim.gis",
                    config.bindAddress(), config.port(), e.toString());
            throw e;
        }
        simulator = sim;
        Thread warm = new Thread(GisSimulator::warmUp, "spm-sim-gis-warmup");
        warm.setDaemon(true);
        warm.start();
        LOG.warn("SIMULATED one-map WMTS base map (development only) on {}/vec_w/wmts, mode {}", sim.baseUri(), sim.mode());
    }

    @Deactivate
    void deactivate() {
        if (simulator != null) {
            simulator.stop();
            simulator = null;
        }
    }
}
