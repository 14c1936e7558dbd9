package org.disclosureledger.watchdog.stream;

import java.util.Optional;

/**
 * A message from the alerts topic: a finding the ledger's rulebook made about a disclosure. Kept as received; its
 * shape beyond the CloudEvents attributes is not fixed yet.
 *
 * @param custodianState the disclosing state when the message names it, for filtering
 * @param json the whole CloudEvent as received
 */
public record FindingMessage(
        String id, String type, String subject, String time, Optional<String> custodianState, String json)
        implements StreamMessage {}
