package org.disclosureledger.core.disclosure;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * The ledger's clock in the aggregate tests: it shows the test fixture's current time, so {@code givenCurrentTime}
 * sets the time the {@link Disclosure} command handlers read. Register it with
 * {@code fixture.registerInjectableResource(new FixtureClock(fixture::currentTime))}.
 */
final class FixtureClock extends Clock {

    private final Supplier<Instant> currentTime;

    FixtureClock(Supplier<Instant> currentTime) {
        this.currentTime = currentTime;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the aggregate reads the ledger's time in UTC only");
    }

    @Override
    public Instant instant() {
        return currentTime.get();
    }
}
