package org.smartproperty.expert;

import java.util.List;

/**
 * POST /expert-draws: the panel of {@code panelSize} seats, {@code drawnCount} of them drawn experts and the others the
 * tenderer's {@code representatives} (names, in seat order after the drawn seats); {@code reserveCount} reserves;
 * optional specialty; confirmation period in hours (default {@code confirm.hours}).
 */
public record DrawInput(Long projectId, Integer panelSize, Integer drawnCount, Integer reserveCount, String specialty,
                        List<String> representatives, Integer confirmHours) {
}
