package org.disclosureledger.api.documents;

/**
 * What an enrollee sends to ask for their documents: their state and Medicaid id, and whether they want their whole
 * history rather than the last six years. It exists only while the request is read.
 *
 * @param wholeHistory true for every disclosure ever recorded; absent or false for the last six years
 */
public record EnrolleeBody(String state, String medicaidId, Boolean wholeHistory) {

    /** Never print the identifier, even by accident in a log line or a debugger's summary. */
    @Override
    public String toString() {
        return "EnrolleeBody[redacted]";
    }
}
