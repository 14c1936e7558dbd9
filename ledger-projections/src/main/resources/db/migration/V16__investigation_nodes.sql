-- Which node runs each queued or running investigation, and when that node last said it was alive. Several nodes
-- share the table, so a node that starts (and every node, every ten seconds) marks interrupted only investigations
-- whose node stopped: their heartbeat is over a minute old, or no node claims them (rows from before this migration).
ALTER TABLE investigation ADD COLUMN node_id VARCHAR(64);
ALTER TABLE investigation ADD COLUMN heartbeat_at TIMESTAMPTZ;
