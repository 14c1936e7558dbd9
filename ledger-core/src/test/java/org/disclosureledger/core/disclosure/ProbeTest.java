package org.disclosureledger.core.disclosure;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class ProbeTest {
    @Test
    void probe() {
        AggregateTestFixture<Disclosure> fixture = new AggregateTestFixture<>(Disclosure.class);
        fixture.registerInjectableResource(new Clock() {
            public ZoneId getZone() { return ZoneId.of("UTC"); }
            public Clock withZone(ZoneId z) { return this; }
            public Instant instant() { return fixture.currentTime(); }
        });
        fixture.givenNoPriorActivity()
                .when(new SealBulkDisclosure(new DisclosureId("x"), 1))
                .expectNoEvents()
                .expectException(DisclosureRejected.class);
    }
}
