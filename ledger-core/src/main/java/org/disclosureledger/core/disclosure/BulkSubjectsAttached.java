package org.disclosureledger.core.disclosure;

import java.time.Instant;
import java.util.List;
import org.disclosureledger.core.subject.PersonRef;

/**
 * One chunk of a bulk disclosure's subjects was attached.
 *
 * @param chunkNumber         1 for the first chunk, then consecutive
 * @param firstManifestIndex  position of this chunk's first subject in the manifest (0-based), i.e. its leaf index
 *                            in the manifest Merkle tree
 * @param subjects            the chunk's subjects as pseudonyms, in manifest order
 * @param chunkDigest         SHA-256 (hex) over the subjects' 32-byte pseudonyms, concatenated in order
 */
public record BulkSubjectsAttached(
        DisclosureId disclosureId,
        int chunkNumber,
        long firstManifestIndex,
        List<PersonRef> subjects,
        String chunkDigest,
        Instant attachedAt) {

    public BulkSubjectsAttached {
        subjects = List.copyOf(subjects);
    }
}
