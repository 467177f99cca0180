-- Earlier complaints for benchmarks/intake.sh, so the initial assessment's recurrence count
-- (ComplaintRepository.countEarlierComplaints) is measured on realistic data, not on an empty table:
-- :n closed complaints received over the last 365 days, from the same 2,000 e-mail addresses and the
-- same products (in mixed case) as benchmarks/intake_load.py sends. References P-1 … P-n never collide
-- with the application's C-<year>-<number>.
CREATE TEMP TABLE pre AS
SELECT i, 'P-' || i AS reference, now() - interval '1 day' - random() * interval '364 days' AS received_at,
       (ARRAY['Broadband', 'broadband', 'Mobile contract', 'Electricity tariff', 'Gas supply', 'Online shop',
              'Delivery service', 'Billing account', 'Customer service', 'Savings account', 'Credit card',
              'Mortgage', 'Car insurance', 'Home insurance', 'Travel insurance', 'Current account', 'TV package',
              'Smart meter', 'Parcel delivery', 'Store card', 'Loan', 'Pension', 'Water supply', 'Heating repair',
              'Kitchen appliance', 'Laptop', 'Phone repair', 'Subscription', 'Gift voucher', 'Loyalty points',
              'BROADBAND', 'Other product ' || (i % 500)])[1 + floor(random() * 32)::int] AS product,
       'client' || (1 + floor(random() * 2000)::int) || '@example.org' AS email
FROM generate_series(1, :n) AS i;

INSERT INTO complaint (reference, channel, complainant_name, complainant_email, preferred_channel, preferred_language,
  product_or_service, description, safety_concern, legal_or_regulatory, received_at, received_by)
SELECT reference, 'api', 'Earlier complainant', email, 'email', 'en', product,
       'An earlier complaint, loaded for the benchmark', FALSE, FALSE, received_at, 'benchmark'
FROM pre;

INSERT INTO complaint_status (reference, status, severity, priority, assessed_priority, response_target, team,
  channel, received_at, acknowledged_at, assessed_at, first_response_at, decision_communicated_at, outcome,
  closed_at, closed_by, updated_at)
SELECT reference, 'CLOSED', 'low', 25, 25, 'P15D', 'handlers', 'api', received_at, received_at, received_at,
       received_at + interval '1 day', received_at + interval '1 day', 'resolved', received_at + interval '1 day',
       'benchmark', received_at + interval '1 day'
FROM pre;
