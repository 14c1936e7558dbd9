-- The stream relay takes each disclosure's filter attributes from the ledger itself: from the event in its batch that
-- set them (a disclosure's first event or a correction) or, for a disclosure whose first event in the batch is a
-- follow-on, from the latest such event before it in the event store. The relay no longer keeps its own copy, whose
-- rows it wrote for every new disclosure.
DROP TABLE stream_disclosure;
