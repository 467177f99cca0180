/**
 * Management review: the periodic report and the decisions taken on it (processes/management-review.bpmn).
 * ISO 10002 8.6.
 */
@ApplicationModule(displayName = "Management review")
package org.redress.improvement.review;

import org.springframework.modulith.ApplicationModule;
