package org.disclosureledger.api.disclosure;

import java.time.Instant;

/** The JSON bodies the recording endpoints answer with. */
public final class RecordingResponses {

    private RecordingResponses() {}

    /**
     * A disclosure recorded or a bulk disclosure opened. {@code retry} is true when an identical request had
     * already recorded it; {@code recordedAt} is then the original time.
     */
    public record Recorded(String disclosureId, Instant recordedAt, Integer subjectCount, boolean retry) {}

    /** A chunk of bulk subjects attached. */
    public record ChunkAttached(
            String disclosureId, int chunkNumber, int subjectsInChunk, long subjectsAttached, boolean retry) {}

    /**
     * A bulk disclosure sealed, with the manifest's RFC 9162 Merkle root (hex) over its subjects' pseudonyms;
     * {@code retry} is true when it was already sealed with that count (the original seal's result).
     */
    public record Sealed(String disclosureId, long subjectCount, int chunkCount, String manifestRoot, boolean retry) {}

    /** A follow-on recorded; {@code retry} is true when an identical request had already recorded it. */
    public record FollowOnRecorded(String disclosureId, String id, boolean retry) {}
}
