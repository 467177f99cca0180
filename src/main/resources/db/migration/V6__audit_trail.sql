-- Tamper evidence for the timeline (ISO 10002 4.12 accountability, 8.5 audit): every event gets its
-- place in the complaint's chain (sequence 1, 2, 3 … per complaint), the hash of the event before it
-- and its own hash (SHA-256 over the canonical form described in complaint/TimelineChain and
-- docs/auditors.md). Rows written before this migration are sealed at start-up (complaint/SealTimelines).
ALTER TABLE complaint_event ADD COLUMN sequence INTEGER;
ALTER TABLE complaint_event ADD COLUMN previous_hash VARCHAR(64);
ALTER TABLE complaint_event ADD COLUMN hash VARCHAR(64);
-- One event per place: even a writer that skipped the lock cannot fork the chain.
CREATE UNIQUE INDEX ux_complaint_event_sequence ON complaint_event (reference, sequence);

-- The auditors' complaint search (auditing/ComplaintSearch): filters on status, channel, category,
-- dates; the name filter is a LIKE on lower case and scans, which is acceptable for an audit tool.
CREATE INDEX ix_complaint_received ON complaint (received_at);
CREATE INDEX ix_complaint_channel_received ON complaint (channel, received_at);
CREATE INDEX ix_complaint_status_category ON complaint_status (category);
CREATE INDEX ix_complaint_status_due ON complaint_status (response_due_at);
