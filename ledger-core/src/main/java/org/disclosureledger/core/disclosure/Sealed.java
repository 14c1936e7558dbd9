package org.disclosureledger.core.disclosure;

/**
 * What sealing a bulk disclosure returns: its final subject count, chunk count and manifest root; {@code retry} is true
 * when the disclosure was already sealed with that count, and this is the original seal's result.
 */
public record Sealed(long subjectCount, int chunkCount, String manifestRoot, boolean retry) {}
