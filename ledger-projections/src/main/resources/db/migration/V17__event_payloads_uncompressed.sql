-- Event payloads are stored without PostgreSQL trying to compress them (issue 8). A bulk chunk's payload is 10,000
-- random pseudonyms in hex, about 0.67 MB, which pglz, the default, cannot shrink by the quarter it requires: it
-- spent about 15 ms of the server's CPU on each such chunk and then stored it uncompressed anyway. EXTERNAL keeps a
-- large payload out of line as before, without the attempt; a payload small enough to stay in its row is unaffected.
-- Rows stored before this migration stay as they are.
ALTER TABLE domain_event_entry ALTER COLUMN payload SET STORAGE EXTERNAL;
