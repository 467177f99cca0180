-- The outbox of letters e-mailed to complainants (notification/LetterOutbox): a row is committed, in its own
-- short transaction, the moment the mail server accepted the letter, so a retried job (after a failed commit,
-- a database outage or a node killed mid-step) never sends it again. One row per letter, never updated.
CREATE TABLE letter_sent (
    message_key  VARCHAR(300)  NOT NULL PRIMARY KEY,
    reference    VARCHAR(20)   NOT NULL,
    message      VARCHAR(40)   NOT NULL,
    sent_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_letter_sent_reference ON letter_sent (reference);
