-- Time to decision in working time, net of the pauses while the complainant was asked (issue 16).
-- decision_working_seconds is set when the first decision is communicated; for complaints decided
-- before this version, closure/DecisionWorkingTimeBackfill computes it at start-up in the configured
-- business calendar (it needs the calendar's holidays, which SQL does not know).
ALTER TABLE complaint_status ADD COLUMN decision_working_seconds BIGINT;
ALTER TABLE kpi_counted ADD COLUMN decision_working_seconds BIGINT;
ALTER TABLE kpi_daily ADD COLUMN working_seconds DOUBLE PRECISION DEFAULT 0 NOT NULL;
-- the summary is rebuilt with the new sum at the next start
UPDATE kpi_summary_state SET built_for = NULL, built_at = NULL;
