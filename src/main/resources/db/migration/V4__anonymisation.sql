-- Retention (ISO 10002 4.10): when the complainant's personal data was anonymised (after the
-- retention period or on request). NULL while the complaint still holds it.
ALTER TABLE complaint ADD COLUMN anonymised_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_complaint_status_closed ON complaint_status (status, closed_at);
