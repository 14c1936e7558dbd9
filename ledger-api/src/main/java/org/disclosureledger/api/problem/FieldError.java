package org.disclosureledger.api.problem;

/** One field of a request that is wrong, and why, in words a caller can act on. */
public record FieldError(String field, String reason) {}
