package org.disclosureledger.core.access;

import java.util.Objects;

/**
 * Who read: an official's name as their identity provider gives it (such as {@code auditor-ca@example.gov}), or for
 * the person themselves the words {@code the enrollee}, never their Medicaid id; and the role they read in.
 */
public record Reader(String subject, ReaderRole role) {

    public Reader {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a reader's subject is required");
        }
        if (subject.length() > 200 || subject.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a reader's subject is at most 200 printable characters");
        }
        Objects.requireNonNull(role, "a reader's role is required");
    }
}
