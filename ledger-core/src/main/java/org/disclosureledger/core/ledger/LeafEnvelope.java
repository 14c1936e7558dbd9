package org.disclosureledger.core.ledger;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.disclosureledger.core.merkle.MerkleHash;

/**
 * One stored event as the ledger hashes it: its identity, type, place in its aggregate, time and payload bytes
 * exactly as stored. The envelope's bytes (documented in {@code docs/integrity.md}) are the leaf data of the
 * ledger's Merkle tree, so rewriting any of these fields, or a single payload byte, changes the leaf hash.
 *
 * <p>Encoding: the ASCII tag {@code disclosure-ledger-leaf-v1}, then each field as a 4-byte big-endian length followed
 * by its bytes, in this order: event identifier, payload type, payload revision (empty when none), aggregate
 * identifier, sequence number (8 bytes, big-endian), timestamp (as stored), payload. Text is UTF-8.
 *
 * @param timestamp the event's time as the event store keeps it (ISO-8601 text), not re-formatted
 */
public record LeafEnvelope(
        String eventIdentifier,
        String payloadType,
        String payloadRevision,
        String aggregateIdentifier,
        long sequenceNumber,
        String timestamp,
        byte[] payload) {

    private static final byte[] TAG = "disclosure-ledger-leaf-v1".getBytes(StandardCharsets.US_ASCII);

    public LeafEnvelope {
        Objects.requireNonNull(eventIdentifier, "eventIdentifier");
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(aggregateIdentifier, "aggregateIdentifier");
        Objects.requireNonNull(timestamp, "timestamp");
        payload = Objects.requireNonNull(payload, "payload").clone();
    }

    /** The canonical bytes: the leaf data of the ledger's Merkle tree. */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 256);
        out.writeBytes(TAG);
        field(out, utf8(eventIdentifier));
        field(out, utf8(payloadType));
        field(out, utf8(payloadRevision == null ? "" : payloadRevision));
        field(out, utf8(aggregateIdentifier));
        field(out, ByteBuffer.allocate(Long.BYTES).putLong(sequenceNumber).array());
        field(out, utf8(timestamp));
        field(out, payload);
        return out.toByteArray();
    }

    /** SHA-256(0x00 || bytes()): the entry's RFC 9162 leaf hash. */
    public byte[] leafHash() {
        return MerkleHash.leaf(bytes());
    }

    /** The leaf hash as lower-case hex. */
    public String leafHashHex() {
        return HexFormat.of().formatHex(leafHash());
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LeafEnvelope e
                && eventIdentifier.equals(e.eventIdentifier)
                && payloadType.equals(e.payloadType)
                && Objects.equals(payloadRevision, e.payloadRevision)
                && aggregateIdentifier.equals(e.aggregateIdentifier)
                && sequenceNumber == e.sequenceNumber
                && timestamp.equals(e.timestamp)
                && Arrays.equals(payload, e.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                eventIdentifier,
                payloadType,
                payloadRevision,
                aggregateIdentifier,
                sequenceNumber,
                timestamp,
                Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "LeafEnvelope[" + eventIdentifier + ", " + payloadType + ", " + aggregateIdentifier + "#"
                + sequenceNumber + ", " + payload.length + " payload bytes]";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void field(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }
}
