package org.disclosureledger.projections.stream;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.disclosureledger.core.disclosure.AttachSubjects;
import org.disclosureledger.core.disclosure.CertifyDestruction;
import org.disclosureledger.core.disclosure.CorrectDisclosure;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.DisputeDisclosure;
import org.disclosureledger.core.disclosure.FollowOnId;
import org.disclosureledger.core.disclosure.LiftSuspension;
import org.disclosureledger.core.disclosure.OpenBulkDisclosure;
import org.disclosureledger.core.disclosure.RecordDisclosure;
import org.disclosureledger.core.disclosure.RequestDestruction;
import org.disclosureledger.core.disclosure.SealBulkDisclosure;
import org.disclosureledger.core.subject.PersonRef;

/** Records disclosures through Axon, as the API would, for the stream's end-to-end tests. */
final class StreamCommands {

    private StreamCommands() {}

    /**
     * A single disclosure (suspended), then a correction, a destruction request and certificate, a lift, and a dispute
     * (which its subjects can make only once the hold is lifted).
     */
    static void recordWithEveryFollowOn(CommandGateway commands, String id, List<PersonRef> subjects) {
        DisclosureId disclosure = new DisclosureId(id);
        FollowOnId request = new FollowOnId("destruction-1");
        commands.sendAndWait(new RecordDisclosure(
                disclosure, StreamExamples.toIce(), subjects, StreamExamples.sealedUntil(), "r-" + id));
        commands.sendAndWait(new CorrectDisclosure(
                disclosure, new FollowOnId("correction-1"), StreamExamples.toOig(), "Wrong agency", "c-" + id));
        commands.sendAndWait(new RequestDestruction(
                disclosure,
                request,
                "Attorney General of California",
                "Preliminary injunction",
                LocalDate.parse("2025-09-30"),
                "q-" + id));
        commands.sendAndWait(new CertifyDestruction(
                disclosure,
                new FollowOnId("certificate-1"),
                request,
                "Records Officer",
                Instant.parse("2025-06-30T17:00:00Z"),
                "NIST SP 800-88 purge",
                "x-" + id));
        commands.sendAndWait(
                new LiftSuspension(disclosure, new FollowOnId("lift-1"), "Order vacating the seal", "Done", "l-" + id));
        commands.sendAndWait(new DisputeDisclosure(
                disclosure, new FollowOnId("dispute-1"), subjects.get(0), StreamExamples.DISPUTE_STATEMENT, "d-" + id));
    }

    /** A bulk disclosure opened, its subjects attached in the given chunks, and sealed. */
    static void recordBulk(CommandGateway commands, String id, List<List<PersonRef>> chunks) {
        DisclosureId disclosure = new DisclosureId(id);
        commands.sendAndWait(new OpenBulkDisclosure(disclosure, StreamExamples.toIce(), null, "b-" + id));
        long count = 0;
        for (int i = 0; i < chunks.size(); i++) {
            commands.sendAndWait(new AttachSubjects(disclosure, i + 1, chunks.get(i)));
            count += chunks.get(i).size();
        }
        commands.sendAndWait(new SealBulkDisclosure(disclosure, count));
    }

    /** A plain single disclosure of one subject. */
    static void record(CommandGateway commands, String id) {
        commands.sendAndWait(new RecordDisclosure(
                new DisclosureId(id), StreamExamples.toIce(), List.of(StreamExamples.person(id)), null, "r-" + id));
    }
}
