package org.redress.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.Test;
import org.redress.ComplaintDriver;
import org.redress.RedressTest;
import org.redress.complaint.ComplaintRepository;
import org.redress.complaint.Timeline;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine settings the architecture relies on: full history, JSON variables, cleanup window. */
@RedressTest
class EngineConfigurationTest {

  @Autowired ProcessEngine engine;
  @Autowired ComplaintRepository complaints;
  @Autowired Timeline timeline;

  @Test
  void historyIsFull_cleanupRunsInAWindow_andEveryDefinitionNeedsATimeToLive() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.getHistoryLevel()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL);
    assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(config.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(config.isEnforceHistoryTimeToLive()).isTrue();
  }

  /**
   * Letters and escalations (job priority 100) go before background work (0) under a backlog, and the
   * task query can use inner joins (no CMMN, no standalone tasks): issue 13.
   */
  @Test
  void jobsAreAcquiredByPriority_andTheTaskQueryKnowsOnlyProcessTasks() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.isJobExecutorAcquireByPriority()).isTrue();
    assertThat(config.isCmmnEnabled()).isFalse();
    assertThat(config.isStandaloneTasksEnabled()).isFalse();
  }

  /** The DMN engine evaluates FEEL through {@link RememberedFeel}, and the history handler is the context filter. */
  @Test
  void dmnUsesRememberedFeel_andHistoryLeavesOutTheFormContext() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(RememberedFeel.Remembering.class);
    assertThat(config.getHistoryEventHandler()).isInstanceOf(FormContextWithoutHistory.Filter.class);
  }

  @Test
  void objectVariablesAreStoredAsJson_neverJavaSerialized() {
    ComplaintDriver driver = new ComplaintDriver(engine, complaints, timeline);
    ProcessInstance complaint = driver.registerAndAssess("handler", ComplaintDriver.phoneComplaint());

    engine.getRuntimeService().setVariable(complaint.getId(), "checklist", Map.of("callBack", true));

    ObjectValue stored = engine.getRuntimeService().getVariableTyped(complaint.getId(), "checklist", false);
    assertThat(stored.getSerializationDataFormat()).isEqualTo("application/json");
    assertThat(stored.getValueSerialized()).isEqualTo("{\"callBack\":true}");
    HistoricVariableInstance history = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(complaint.getId()).variableName("checklist").singleResult();
    assertThat(history).isNotNull();
  }
}
