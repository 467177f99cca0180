-- The nodes running on this database and the settings each started with (engine/SharedSettings): a node whose
-- shared settings differ from those of a live node refuses to start. seen_at is renewed every 30 seconds.
CREATE TABLE cluster_node (
    node_id     VARCHAR(200)   NOT NULL PRIMARY KEY,
    settings    VARCHAR(100000) NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
