/**
 * Corrective action for a cause of complaints: triage, root-cause analysis, plan, implementation and
 * effectiveness check (processes/corrective-action.bpmn). ISO 10002 8.7.
 */
@ApplicationModule(displayName = "Corrective action")
package org.redress.improvement.action;

import org.springframework.modulith.ApplicationModule;
