package org.disclosureledger.core.disclosure;

/** What sealing a bulk disclosure returns: its final subject count, chunk count and manifest root. */
public record Sealed(long subjectCount, int chunkCount, String manifestRoot) {}
