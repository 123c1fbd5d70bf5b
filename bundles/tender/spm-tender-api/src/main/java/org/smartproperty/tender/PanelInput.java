package org.smartproperty.tender;

import java.util.List;

/**
 * Body of POST /tenders/{id}/panel: the draw as the expert domain takes it (POST /expert-draws without the project id, which is
 * the tender's project in the expert library): rules panel.min, odd, drawn.ratio, reserves.min of PID org.smartproperty.expert.
 */
public record PanelInput(Integer panelSize, Integer drawnCount, Integer reserveCount, String specialty, List<String> representatives,
                         Integer confirmHours) {
}
