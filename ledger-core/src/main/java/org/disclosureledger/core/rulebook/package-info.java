/**
 * The rulebook: dated, versioned rules as data (permitted purposes, court orders, data-sharing agreements) and the
 * pure evaluation that judges a disclosure against them, producing findings. Loaded from JSON, schema-validated. See
 * {@code docs/rulebook.md}.
 */
package org.disclosureledger.core.rulebook;
