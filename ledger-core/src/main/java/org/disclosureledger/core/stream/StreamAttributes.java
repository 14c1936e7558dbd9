package org.disclosureledger.core.stream;

/**
 * The names of the CloudEvents extension attributes on the watchdog stream (lower-case letters only, as CloudEvents
 * requires), and the Kafka header that marks structured mode. See {@code docs/stream.md}.
 */
public final class StreamAttributes {

    /** Integer: the event's ledger index, its leaf position in the ledger's Merkle tree. */
    public static final String LEDGER_INDEX = "ledgerindex";

    /** String: the entry's RFC 9162 leaf hash, 64 lower-case hex digits. */
    public static final String LEAF_HASH = "leafhash";

    /** Integer: the event's sequence number within its disclosure, from 0. */
    public static final String DISCLOSURE_SEQUENCE = "disclosureseq";

    /** String: the disclosing state's code, such as {@code CA}. */
    public static final String CUSTODIAN_STATE = "custodianstate";

    /** String: the receiving agency's id, such as {@code us-dhs-ice}. */
    public static final String RECIPIENT_AGENCY = "recipientagency";

    /** String: the purpose code, such as {@code LAW}. */
    public static final String PURPOSE = "purpose";

    /** String: the data categories, sorted and comma-separated. */
    public static final String DATA_CATEGORIES = "datacategories";

    /** Integer: a checkpoint's tree size. */
    public static final String TREE_SIZE = "treesize";

    /** The Kafka record header and value that mark a CloudEvent in structured JSON mode. */
    public static final String CONTENT_TYPE_HEADER = "content-type";

    public static final String STRUCTURED_JSON = "application/cloudevents+json; charset=UTF-8";

    private StreamAttributes() {}
}
