package org.smartproperty.expert;

import java.util.List;

/** GET /expert-draws/{id}/replay: the draw recomputed from the recorded seed and snapshot, and whether it matches the stored one. */
public record DrawReplay(long drawId, String method, String seed, boolean matches, int eligible, List<DrawSeat> drawn, List<DrawSeat> reserves) {
}
