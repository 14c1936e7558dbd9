package org.disclosureledger.projections.investigation;

/**
 * An investigation that cannot run as defined: names the field and says what is wrong, in words a regulator can act
 * on. Nothing is stored when a definition is refused.
 */
public class InvalidDefinition extends RuntimeException {

    private final String field;

    public InvalidDefinition(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The definition's field at fault, such as {@code asOf.treeSize}. */
    public String field() {
        return field;
    }
}
