-- 1,000,000 synthetic closed complaints for the dashboard benchmark (benchmarks/dashboard.sh).
-- Set-based: one INSERT ... SELECT per table over generate_series. Run against a database whose schema
-- the application has created (Flyway V1-V11 and Camunda's tables). Distributions, roughly:
--   received evenly over the 3 years before now (each at least 30 days ago, so it could be closed),
--   channel web 45 %, email 30 %, phone 15 %, letter 5 %, in-person 3 %, api 2 %;
--   severity low 50 %, medium 30 %, high 15 %, critical 5 % (priority 25/50/75/100, target 15/10/5/2 days);
--   decision after 0.2-1.6 x the target (so ~20 % late and escalated), 10 % rejected and reviewed,
--   2 % referred outside, 20 % deemed accepted; 35 % answer the survey, mostly 4 or 5.
\set n 1000000
\timing on

CREATE TEMP TABLE bench AS
SELECT i,
       'B-' || i AS reference,
       now() - interval '30 days' - (random() * interval '1065 days') AS received_at,
       random() AS r_channel, random() AS r_severity, random() AS r_category, random() AS r_product,
       random() AS r_team, random() AS r_decision, random() AS r_outcome, random() AS r_survey, random() AS r_rating,
       random() AS r_ack
FROM generate_series(1, :n) AS i;

CREATE TEMP TABLE bench_status AS
SELECT b.*,
       CASE WHEN r_channel < .45 THEN 'web' WHEN r_channel < .75 THEN 'email' WHEN r_channel < .90 THEN 'phone'
            WHEN r_channel < .95 THEN 'letter' WHEN r_channel < .98 THEN 'in-person' ELSE 'api' END AS channel,
       CASE WHEN r_severity < .50 THEN 'low' WHEN r_severity < .80 THEN 'medium' WHEN r_severity < .95 THEN 'high'
            ELSE 'critical' END AS severity,
       CASE WHEN r_severity < .50 THEN 25 WHEN r_severity < .80 THEN 50 WHEN r_severity < .95 THEN 75 ELSE 100 END AS priority,
       CASE WHEN r_severity < .50 THEN 15 WHEN r_severity < .80 THEN 10 WHEN r_severity < .95 THEN 5 ELSE 2 END AS target_days
FROM bench b;

INSERT INTO complaint (reference, channel, complainant_name, preferred_channel, preferred_language,
  product_or_service, description, safety_concern, legal_or_regulatory, received_at, received_by)
SELECT reference, channel, 'Synthetic complainant', 'email', 'en', 'Synthetic product',
       'Synthetic complaint for the benchmark', FALSE, FALSE, received_at, 'benchmark'
FROM bench_status;

INSERT INTO complaint_status (reference, status, severity, priority, assessed_priority, response_target,
  response_due_at, team, category, product, channel, received_at, acknowledged_at, assessed_at, first_response_at,
  decision_communicated_at, escalated, escalated_at, rejected_at, decision_reviewed, reviewed_at, referred_outside_at,
  deemed_accepted_at, outcome, closed_at, closed_by, updated_at)
SELECT reference, 'CLOSED', severity, priority, priority, 'P' || target_days || 'D',
       received_at + target_days * interval '1 day',
       CASE WHEN r_team < .4 THEN 'handlers' WHEN r_team < .7 THEN 'billing-team' WHEN r_team < .9 THEN 'delivery-team'
            ELSE 'supervisors' END,
       CASE WHEN r_category < .22 THEN 'billing' WHEN r_category < .40 THEN 'delivery' WHEN r_category < .55 THEN 'product-quality'
            WHEN r_category < .68 THEN 'service-delivery' WHEN r_category < .78 THEN 'communication'
            WHEN r_category < .85 THEN 'staff-conduct' WHEN r_category < .91 THEN 'policy' WHEN r_category < .95 THEN 'privacy'
            WHEN r_category < .97 THEN 'accessibility' ELSE 'other' END,
       CASE WHEN r_product < .30 THEN 'online-shop' WHEN r_product < .55 THEN 'delivery-service'
            WHEN r_product < .75 THEN 'billing-account' WHEN r_product < .90 THEN 'customer-service' ELSE 'general' END,
       channel,
       received_at,
       received_at + CASE WHEN r_ack < .97 THEN r_ack * interval '20 minutes' ELSE interval '30 hours' END,
       received_at + r_ack * interval '10 minutes',
       received_at + LEAST(7, (0.2 + 1.4 * r_decision) * target_days) * interval '1 day',
       received_at + (0.2 + 1.4 * r_decision) * target_days * interval '1 day',
       r_decision > 0.57, CASE WHEN r_decision > 0.57 THEN received_at + target_days * interval '1 day' END,
       CASE WHEN r_outcome < .10 THEN received_at + ((0.2 + 1.4 * r_decision) * target_days + 5) * interval '1 day' END,
       r_outcome < .10,
       CASE WHEN r_outcome < .10 THEN received_at + ((0.2 + 1.4 * r_decision) * target_days + 12) * interval '1 day' END,
       CASE WHEN r_outcome < .02 THEN received_at + ((0.2 + 1.4 * r_decision) * target_days + 18) * interval '1 day' END,
       CASE WHEN r_outcome >= .10 AND r_outcome < .30 THEN received_at + ((0.2 + 1.4 * r_decision) * target_days + 14) * interval '1 day' END,
       CASE WHEN r_outcome < .02 THEN 'referred-externally' WHEN r_outcome < .30 AND r_outcome >= .10 THEN 'deemed-accepted'
            ELSE 'accepted' END,
       LEAST(now(), received_at + ((0.2 + 1.4 * r_decision) * target_days
             + CASE WHEN r_outcome < .10 THEN 20 WHEN r_outcome < .30 THEN 15 ELSE 3 + 5 * r_outcome END) * interval '1 day'),
       'benchmark', now()
FROM bench_status s;

INSERT INTO satisfaction_survey (reference, rating, answered_at)
SELECT s.reference,
       CASE WHEN r_rating < .05 THEN 1 WHEN r_rating < .12 THEN 2 WHEN r_rating < .30 THEN 3 WHEN r_rating < .65 THEN 4 ELSE 5 END,
       s.closed_at + interval '2 days'
FROM complaint_status s JOIN bench b ON b.reference = s.reference
WHERE b.r_survey < .35;

-- A corrective action per month of the last year, for the recurrence KPI.
INSERT INTO corrective_action (cause_kind, cause_code, status, title, proposed_by, proposed_at, implemented_at)
SELECT 'category', (ARRAY['billing', 'delivery', 'product-quality', 'service-delivery'])[1 + m % 4], 'IMPLEMENTED',
       'Benchmark action ' || m, 'benchmark', now() - (m * 30 + 20) * interval '1 day', now() - m * 30 * interval '1 day'
FROM generate_series(1, 12) AS m;

-- Loaded behind the application's back, so drop the daily KPI summary (V12): the next start builds it
-- in the background, as after an upgrade.
DELETE FROM kpi_change;
DELETE FROM kpi_daily;
UPDATE kpi_summary_state SET built_for = NULL, built_at = NULL;

ANALYZE complaint;
ANALYZE complaint_status;
ANALYZE satisfaction_survey;
ANALYZE corrective_action;
SELECT COUNT(*) AS complaints, MIN(received_at) AS first, MAX(closed_at) AS last FROM complaint_status;
