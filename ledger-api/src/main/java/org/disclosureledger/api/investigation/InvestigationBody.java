package org.disclosureledger.api.investigation;

import java.util.List;

/**
 * An investigation as a regulator posts it. Times are ISO-8601 instants; empty or absent lists mean "any".
 *
 * @param occurredFrom    the start of the period, inclusive
 * @param occurredTo      the end of the period, exclusive
 * @param recipients      recipient agency ids
 * @param custodianStates USPS codes of the custodian states
 * @param dataCategories  data categories (a disclosure of any of them is in scope)
 * @param purposes        PurposeOfUse codes
 * @param rulebookVersion the rulebook version to judge under; absent: the version in force when each occurred
 * @param asOf            the point of the ledger to answer as of
 */
record InvestigationBody(
        String occurredFrom,
        String occurredTo,
        List<String> recipients,
        List<String> custodianStates,
        List<String> dataCategories,
        List<String> purposes,
        String rulebookVersion,
        AsOf asOf) {

    /**
     * Exactly one of a signed checkpoint's tree size, or an instant (the latest checkpoint signed at or before it).
     */
    record AsOf(Long treeSize, String instant) {}
}
