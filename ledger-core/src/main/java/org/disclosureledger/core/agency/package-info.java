/**
 * The agencies on either side of a disclosure: the custodian that holds Medicaid data and releases it, and the
 * recipient agency that receives it.
 */
package org.disclosureledger.core.agency;
