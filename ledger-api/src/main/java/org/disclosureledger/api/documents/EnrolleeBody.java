package org.disclosureledger.api.documents;

/**
 * What an official sends to ask for a person's documents: the person's state and Medicaid id, the purpose they state
 * (recorded and shown to the person), and whether they want the whole history rather than the last six years. It
 * exists only while the request is read.
 *
 * @param wholeHistory true for every disclosure ever recorded; absent or false for the last six years
 */
public record EnrolleeBody(String state, String medicaidId, String purpose, Boolean wholeHistory) {

    /** Never print the identifier, even by accident in a log line or a debugger's summary. */
    @Override
    public String toString() {
        return "EnrolleeBody[redacted]";
    }
}
