package org.smartproperty.platform.review;

import org.smartproperty.platform.Messages;

/**
 * The message keys a review's errors use, all texts of the domain's own message bundle (so a
 * problem+json code and its zh-CN/en titles stay the domain's). {@link #defaults(Messages)} gives
 * the keys the company and committee filings have always used.
 *
 * @param source            the domain's messages
 * @param roundKind         object kind of a round in 404s ({@code objects.filing})
 * @param pending           409: a round awaits review
 * @param approved          409: the review is approved, nothing more to submit
 * @param illegalTransition 409 with {0} current state, {1} requested state, {2} allowed states
 * @param noTransition      text for {2} when nothing is allowed
 * @param reasonRequired    400 on field {@code reason}: a return needs a reason
 * @param materialsRequired 400 on field {@code materials}: at least one material
 * @param materialTitle     400 on {@code materials[i].title}: a material needs a title
 */
public record ReviewTexts(Messages source, String roundKind, String pending, String approved, String illegalTransition,
                          String noTransition, String reasonRequired, String materialsRequired, String materialTitle) {

    public static ReviewTexts defaults(Messages source) {
        return new ReviewTexts(source, "objects.filing", "filing.pending", "filing.approved", "filing.illegalTransition",
                "filing.noTransition", "reason.required", "materials.required", "material.title");
    }
}
