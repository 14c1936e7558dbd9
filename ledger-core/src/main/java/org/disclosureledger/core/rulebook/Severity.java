package org.disclosureledger.core.rulebook;

/** How serious a finding is, from a remark to a disclosure the rules in force did not allow. */
public enum Severity {
    NOTICE,
    CONCERN,
    VIOLATION
}
