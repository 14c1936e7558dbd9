package org.disclosureledger.core.disclosure;

/**
 * The fields of {@link DisclosureDetails} a correction may supersede. The custodian is not among them: it decides
 * which state's auditors see a disclosure, so a wrong custodian is fixed by recording the disclosure anew.
 */
public enum CorrectableField {
    OCCURRED_AT,
    DISCLOSING_SYSTEM,
    RELEASING_OFFICIAL,
    RECIPIENT,
    REQUESTER,
    PURPOSE,
    LEGAL_AUTHORITY,
    DATA_CATEGORIES,
    MODE,
    ACCESS_WINDOW,
    RECORD_COUNT
}
