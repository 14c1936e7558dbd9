package org.disclosureledger.core.disclosure;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.disclosureledger.core.subject.PersonRef;

/**
 * Attach the next chunk of an open bulk disclosure's subjects. Chunks are numbered from 1 and attached in order;
 * sending the last attached chunk again with the same subjects is a harmless retry.
 */
public record AttachSubjects(
        @TargetAggregateIdentifier DisclosureId disclosureId, int chunkNumber, List<PersonRef> subjects) {}
