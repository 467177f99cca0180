-- Issue 13: the KPI summary (kpi_daily, V12) catches up in O(changes) instead of recounting whole days.
-- kpi_counted holds, per complaint, the facts the summary has counted it with: the complaint_status columns
-- the KPI populations, sums and dimensions read, and the survey rating. Catching up a changed complaint takes
-- its old contribution (this row) out of kpi_daily and puts its new one in, then replaces this row; the
-- summary is always the sum over kpi_counted, so a recount of it (tests, a rebuild) gives the same figures.
CREATE TABLE kpi_counted (
    reference                VARCHAR(40) PRIMARY KEY,
    received_at              TIMESTAMP WITH TIME ZONE,
    acknowledged_at          TIMESTAMP WITH TIME ZONE,
    first_response_at        TIMESTAMP WITH TIME ZONE,
    decision_communicated_at TIMESTAMP WITH TIME ZONE,
    closed_at                TIMESTAMP WITH TIME ZONE,
    response_due_at          TIMESTAMP WITH TIME ZONE,
    escalated                BOOLEAN,
    rejected_at              TIMESTAMP WITH TIME ZONE,
    decision_reviewed        BOOLEAN,
    referred_outside_at      TIMESTAMP WITH TIME ZONE,
    deemed_accepted_at       TIMESTAMP WITH TIME ZONE,
    category                 VARCHAR(40),
    product                  VARCHAR(40),
    channel                  VARCHAR(20),
    team                     VARCHAR(64),
    severity                 VARCHAR(20),
    assessed_priority        INTEGER,
    rating                   INTEGER
);
-- A rebuild counts the days of each milestone from here, a month of days per query.
CREATE INDEX ix_kpi_counted_received ON kpi_counted (received_at);
CREATE INDEX ix_kpi_counted_acknowledged ON kpi_counted (acknowledged_at);
CREATE INDEX ix_kpi_counted_first_response ON kpi_counted (first_response_at);
CREATE INDEX ix_kpi_counted_decided ON kpi_counted (decision_communicated_at);
CREATE INDEX ix_kpi_counted_closed ON kpi_counted (closed_at);

-- The summary as built so far has no kpi_counted rows behind it: the next start rebuilds it (and fills them).
UPDATE kpi_summary_state SET built_for = NULL, built_at = NULL;
