/**
 * The Disclosure Ledger application: the Spring Boot entry point, the REST API through which disclosing systems
 * record disclosures and their follow-ons, and the embedded defaults that let one command run the whole system.
 */
package org.disclosureledger.api;
