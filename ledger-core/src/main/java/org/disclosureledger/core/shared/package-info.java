/**
 * Small checks shared by the domain's value objects, so that every free-text field fails the same way, naming the
 * field.
 */
package org.disclosureledger.core.shared;
