/**
 * The recording API: endpoints through which a disclosing system records a disclosure (whole, or in bulk: open,
 * attach subject chunks, seal) and its follow-ons, the request bodies they accept, and the mapping from those bodies
 * to the domain's commands, pseudonymising enrollee identifiers on the way in.
 */
package org.disclosureledger.api.disclosure;
