package org.redress.classification;

import static org.redress.complaint.ComplaintVariables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.redress.complaint.CaseEvents;
import org.redress.complaint.ComplaintRepository;
import org.redress.engine.FormContext;
import org.springframework.stereotype.Component;

/**
 * On create of "Review assessment" and "Investigate complaint" (8.2): gives the task form the active
 * entries of the category, product and root-cause code lists (form-js {@code valuesKey}), so a
 * code a process owner adds shows up in the next task without touching the form. Suggests the
 * product from the complainant's own words ({@link ProductMatch}), else "general".
 */
@Component("classificationOptions")
class ClassificationOptions implements TaskListener, FormContext {

  static final String FALLBACK_PRODUCT = "general";

  private final CodeLists codeLists;
  private final ComplaintRepository complaints;
  private final ObjectMapper json;

  public ClassificationOptions(CodeLists codeLists, ComplaintRepository complaints, ObjectMapper json) {
    this.codeLists = codeLists;
    this.complaints = complaints;
    this.json = json;
  }

  /** The code lists as the form shows them: kept out of Camunda's history (the lists have their own). */
  @Override
  public java.util.Set<String> contextVariables() {
    return java.util.Set.of(CATEGORY_OPTIONS, PRODUCT_OPTIONS, ROOT_CAUSE_OPTIONS);
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariableLocal(CATEGORY_OPTIONS, options(CodeLists.CATEGORY));
    task.setVariableLocal(PRODUCT_OPTIONS, options(CodeLists.PRODUCT));
    task.setVariableLocal(ROOT_CAUSE_OPTIONS, options(CodeLists.ROOT_CAUSE));
    String reference = CaseEvents.reference(task.getExecution());
    if (reference != null && task.getVariable(PRODUCT) == null) {
      String suggested = ProductMatch.suggest(complaints.get(reference).productOrService(),
          codeLists.active(CodeLists.PRODUCT));
      if (suggested == null && codeLists.activeCodes(CodeLists.PRODUCT).contains(FALLBACK_PRODUCT)) {
        suggested = FALLBACK_PRODUCT;
      }
      if (suggested != null) {
        task.setVariableLocal(PRODUCT, suggested);
      }
    }
  }

  /** A JSON variable: Tasklist hands it to form-js as an array of {label, value}. */
  private Object options(String list) {
    try {
      return SpinValues.jsonValue(json.writeValueAsString(codeLists.options(list))).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
