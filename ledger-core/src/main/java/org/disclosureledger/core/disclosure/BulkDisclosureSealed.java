package org.disclosureledger.core.disclosure;

import java.time.Instant;

/**
 * A bulk disclosure was sealed: it has exactly {@code subjectCount} subjects in {@code chunkCount} chunks, and
 * {@code manifestRoot} is the RFC 9162 Merkle root over their pseudonyms in manifest order, against which any subject
 * can be shown to be in the release.
 */
public record BulkDisclosureSealed(
        DisclosureId disclosureId, long subjectCount, int chunkCount, String manifestRoot, Instant sealedAt) {}
