-- Classification for clause 8 analysis (ISO 10002 8.2): the category a complaint is filed under,
-- and the code lists (categories, root causes, products, channels) that process owners extend.
ALTER TABLE complaint_status ADD COLUMN category VARCHAR(40);

CREATE TABLE code_list_entry (
    list_name  VARCHAR(40)  NOT NULL,
    code       VARCHAR(40)  NOT NULL,
    label      VARCHAR(200) NOT NULL,
    active     BOOLEAN      NOT NULL DEFAULT TRUE,
    sort_order INTEGER      NOT NULL DEFAULT 0,
    PRIMARY KEY (list_name, code)
);

INSERT INTO code_list_entry (list_name, code, label, sort_order) VALUES
    ('category', 'product-quality', 'Product quality', 10),
    ('category', 'service-delivery', 'Service delivery', 20),
    ('category', 'staff-conduct', 'Staff conduct', 30),
    ('category', 'billing', 'Billing and payments', 40),
    ('category', 'delivery', 'Delivery and logistics', 50),
    ('category', 'communication', 'Communication and information', 60),
    ('category', 'policy', 'Policy, terms and conditions', 70),
    ('category', 'privacy', 'Privacy and data protection', 80),
    ('category', 'accessibility', 'Accessibility', 90),
    ('category', 'other', 'Other', 1000),
    ('root-cause', 'product-defect', 'Product defect', 10),
    ('root-cause', 'service-failure', 'Service failure', 20),
    ('root-cause', 'staff-conduct', 'Staff conduct', 30),
    ('root-cause', 'communication', 'Communication', 40),
    ('root-cause', 'billing-error', 'Billing error', 50),
    ('root-cause', 'delivery-delay', 'Delivery delay', 60),
    ('root-cause', 'policy-or-terms', 'Policy or terms', 70),
    ('root-cause', 'third-party', 'Third party', 80),
    ('root-cause', 'no-fault-found', 'No fault found', 90),
    ('root-cause', 'other', 'Other', 1000);
