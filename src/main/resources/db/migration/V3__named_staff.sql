-- Objectivity (ISO 10002 4.7): staff a complaint names or is about. They may not claim, be assigned
-- or complete any of its tasks (security/ObjectivityRule). Written once, at receipt, with the complaint.
CREATE TABLE complaint_named_staff (
    reference VARCHAR(20)  NOT NULL REFERENCES complaint (reference),
    user_id   VARCHAR(64)  NOT NULL,
    PRIMARY KEY (reference, user_id)
);
CREATE INDEX ix_complaint_named_staff_user ON complaint_named_staff (user_id);
