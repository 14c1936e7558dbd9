package org.disclosureledger.projections.eventstore;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;
import org.axonframework.common.IdentifierFactory;

/**
 * Axon's identifiers (of every command, event and unit of work) as random version 4 UUIDs, as Axon's default makes
 * them, but drawn from a generator of each thread's own rather than the JDK's one generator behind
 * {@link UUID#randomUUID()}. That one is shared by every thread and takes two locks on each call; with two saturated
 * cores, a thread holding them is sometimes preempted, and the request threads queued behind it (in a JFR recording of
 * the benchmark's 16 clients, 6 to 26 waits of 10 ms or more in each 10 s, about 16 ms each). Each thread's generator
 * is a DRBG seeded by the JDK from the system's entropy, so the identifiers are as unpredictable and as unlikely to
 * collide as the default's. Axon finds this class through {@code META-INF/services}; the ledger's own random ids
 * ({@code AccessId}) use it too.
 */
public final class ThreadOwnIdentifierFactory extends IdentifierFactory {

    private static final ThreadLocal<SecureRandom> GENERATOR = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK offers no DRBG, which every JDK since 9 must", e);
        }
    });

    /** Called by Axon's service loader, once. */
    public ThreadOwnIdentifierFactory() {}

    /** A new random identifier, in the form of {@link UUID#randomUUID()}. */
    public static String randomIdentifier() {
        byte[] bytes = new byte[16];
        GENERATOR.get().nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4: random
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // the variant of RFC 9562
        ByteBuffer halves = ByteBuffer.wrap(bytes);
        return new UUID(halves.getLong(), halves.getLong()).toString();
    }

    @Override
    public String generateIdentifier() {
        return randomIdentifier();
    }
}
