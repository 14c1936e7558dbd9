package org.disclosureledger.core.disclosure;

import java.time.Instant;
import org.disclosureledger.core.shared.InvalidValue;

/**
 * When the recipient could reach the data (for query access or an API), and whether it was allowed to download it.
 */
public record AccessWindow(Instant opensAt, Instant closesAt, boolean downloadAllowed) {

    public AccessWindow {
        if (opensAt == null) {
            throw new InvalidValue("accessWindow.opensAt", "accessWindow.opensAt is required");
        }
        if (closesAt == null) {
            throw new InvalidValue("accessWindow.closesAt", "accessWindow.closesAt is required");
        }
        if (!closesAt.isAfter(opensAt)) {
            throw new InvalidValue("accessWindow.closesAt", "accessWindow.closesAt must be after accessWindow.opensAt");
        }
    }
}
