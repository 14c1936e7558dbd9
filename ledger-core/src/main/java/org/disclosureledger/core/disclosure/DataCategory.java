package org.disclosureledger.core.disclosure;

/** A kind of enrollee data that a disclosure released. */
public enum DataCategory {
    NAME,
    ADDRESS,
    SSN,
    DATE_OF_BIRTH,
    SEX,
    PHONE,
    EMAIL,
    MEDICAID_ID,
    IMMIGRATION_STATUS,
    CITIZENSHIP,
    RACE_ETHNICITY,
    LANGUAGE,
    HOUSEHOLD,
    INCOME,
    ELIGIBILITY,
    ENROLLMENT,
    CLAIMS,
    DIAGNOSES,
    PROCEDURES,
    PRESCRIPTIONS,
    PROVIDERS
}
