package org.disclosureledger.core.disclosure;

/**
 * The NHIN PurposeOfUse codes (value set 2.16.840.1.113883.3.18.7.1) that a disclosure states as its reason.
 */
public enum PurposeOfUse {
    TREATMENT,
    PAYMENT,
    OPERATIONS,
    SYSADMIN,
    FRAUD,
    PSYCHOTHERAPY,
    TRAINING,
    LEGAL,
    MARKETING,
    DIRECTORY,
    FAMILY,
    PRESENCE,
    EMERGENCY,
    DISASTER,
    PUBLICHEALTH,
    ABUSE,
    OVERSIGHT,
    JUDICIAL,
    LAW,
    DECEASED,
    DONATION,
    RESEARCH,
    THREAT,
    GOVERNMENT,
    WORKERSCOMP,
    COVERAGE,
    REQUEST
}
