package org.disclosureledger.core.disclosure;

/**
 * What attaching a chunk returns: the chunk, how many subjects it held, the running total, and whether this call was
 * a retry of the last chunk.
 */
public record ChunkAttached(int chunkNumber, int subjectsInChunk, long subjectsAttached, boolean retry) {}
