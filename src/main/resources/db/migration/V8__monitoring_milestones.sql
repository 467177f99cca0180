-- Monitoring (ISO 10002 8.1, 8.4): the milestones the KPIs measure, kept on complaint_status by the
-- step that reaches them (same transaction), so the dashboard reads one table and never Camunda's history.
-- Portable SQL: H2 and PostgreSQL.

-- Copies of the complaint's fixed facts (never change after receipt), so every KPI query filters and
-- groups on one table with its own indexes instead of joining a million complaints.
ALTER TABLE complaint_status ADD COLUMN received_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE complaint_status ADD COLUMN channel VARCHAR(20);

-- The priority the assessment gave (escalation raises complaint_status.priority later): "within target per priority".
ALTER TABLE complaint_status ADD COLUMN assessed_priority INTEGER;
-- First communication after the acknowledgement: a progress update or the decision, whichever came first.
ALTER TABLE complaint_status ADD COLUMN first_response_at TIMESTAMP WITH TIME ZONE;
-- First escalation (response target missed), first rejection by the complainant, internal review done,
-- referral to an outside body (ISO 10003 dispute resolution, ombudsman, regulator, court), deemed acceptance.
ALTER TABLE complaint_status ADD COLUMN escalated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE complaint_status ADD COLUMN rejected_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE complaint_status ADD COLUMN reviewed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE complaint_status ADD COLUMN referred_outside_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE complaint_status ADD COLUMN deemed_accepted_at TIMESTAMP WITH TIME ZONE;

UPDATE complaint_status SET
    received_at = (SELECT c.received_at FROM complaint c WHERE c.reference = complaint_status.reference),
    channel = (SELECT c.channel FROM complaint c WHERE c.reference = complaint_status.reference),
    assessed_priority = priority,
    first_response_at = decision_communicated_at;
-- Earlier milestones from the timeline (complaints handled before this version).
UPDATE complaint_status SET
    escalated_at = (SELECT MIN(e.occurred_at) FROM complaint_event e
                    WHERE e.reference = complaint_status.reference AND e.type = 'ESCALATED'),
    rejected_at = (SELECT MIN(e.occurred_at) FROM complaint_event e
                   WHERE e.reference = complaint_status.reference AND e.type = 'DECISION_REJECTED'),
    reviewed_at = (SELECT MIN(e.occurred_at) FROM complaint_event e
                   WHERE e.reference = complaint_status.reference AND e.type = 'INTERNAL_REVIEW_COMPLETED'),
    deemed_accepted_at = (SELECT MIN(e.occurred_at) FROM complaint_event e
                          WHERE e.reference = complaint_status.reference AND e.type = 'DECISION_DEEMED_ACCEPTED'),
    referred_outside_at = CASE WHEN outcome = 'referred-externally' THEN closed_at END,
    first_response_at = (SELECT MIN(e.occurred_at) FROM complaint_event e
                         WHERE e.reference = complaint_status.reference
                           AND e.type IN ('PROGRESS_UPDATE_SENT', 'DECISION_COMMUNICATED'));
ALTER TABLE complaint_status ALTER COLUMN received_at SET NOT NULL;
ALTER TABLE complaint_status ALTER COLUMN channel SET NOT NULL;

-- The dashboard's populations: received in a period, closed in a period, decided in a period; the
-- open complaints now. The period column leads, so a 12-month window is a range scan.
CREATE INDEX ix_complaint_status_received ON complaint_status (received_at, category, channel, team, severity);
CREATE INDEX ix_complaint_status_closed_at ON complaint_status (closed_at, category, channel, team, severity);
CREATE INDEX ix_complaint_status_decided ON complaint_status (decision_communicated_at);
CREATE INDEX ix_complaint_status_acknowledged ON complaint_status (acknowledged_at);
CREATE INDEX ix_complaint_status_first_response ON complaint_status (first_response_at);
-- Recurrence after corrective action: complaints for one cause around a date (the coded product,
-- complaint_status.product, comes with V10 and its index).
CREATE INDEX ix_complaint_status_category_received ON complaint_status (category, received_at);
CREATE INDEX ix_complaint_status_root_cause_received ON complaint_status (root_cause, received_at);
-- Satisfaction results by answer date.
CREATE INDEX ix_satisfaction_survey_answered ON satisfaction_survey (answered_at);
