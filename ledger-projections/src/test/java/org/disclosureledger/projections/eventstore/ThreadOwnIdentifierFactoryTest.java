package org.disclosureledger.projections.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

class ThreadOwnIdentifierFactoryTest {

    private static final int THREADS = 8;
    private static final int PER_THREAD = 5_000;

    @Test
    void givenTheLedgerOnTheClassPath_whenAxonLooksForItsIdentifierFactory_thenItFindsTheLedgers() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(ThreadOwnIdentifierFactory.class);
    }

    @Test
    void givenThreadsDrawingAtOnce_whenEachDrawsIdentifiers_thenEveryOneIsADistinctRandomUuid() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<Future<List<String>>> drawn = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                drawn.add(threads.submit(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < PER_THREAD; i++) {
                        ids.add(IdentifierFactory.getInstance().generateIdentifier());
                    }
                    return ids;
                }));
            }
            Set<String> distinct = new HashSet<>();
            for (Future<List<String>> ids : drawn) {
                for (String id : ids.get()) {
                    UUID uuid = UUID.fromString(id);
                    assertThat(uuid.toString()).isEqualTo(id);
                    assertThat(uuid.version()).as("version of %s", id).isEqualTo(4);
                    assertThat(uuid.variant()).as("variant of %s", id).isEqualTo(2);
                    distinct.add(id);
                }
            }
            assertThat(distinct).hasSize(THREADS * PER_THREAD);
        } finally {
            threads.shutdownNow();
        }
    }
}
