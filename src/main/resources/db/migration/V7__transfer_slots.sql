-- Transfers in progress under a package's concurrency limit, shared by every node. A node renews
-- the heartbeat of its own rows; rows of a node that died stop counting once their heartbeat is stale.
CREATE TABLE transfer_slots (
    id ${id_column},
    slot_key VARCHAR(128) NOT NULL,
    node VARCHAR(64) NOT NULL,
    heartbeat_at BIGINT NOT NULL
);
CREATE INDEX transfer_slots_key ON transfer_slots (slot_key, heartbeat_at);
CREATE INDEX transfer_slots_node ON transfer_slots (node);
