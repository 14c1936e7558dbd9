package org.disclosureledger.core.disclosure;

import static org.hamcrest.Matchers.anything;
import static org.hamcrest.Matchers.equalTo;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/**
 * Hamcrest matchers for {@code expectException(...)} in the aggregate tests: the command was refused as a
 * {@link DisclosureRejected} of {@link Examples#DISCLOSURE_ID}, for a given {@link Rejection}, with a message.
 */
final class Rejections {

    private Rejections() {}

    /** Refused for this reason, whichever field the refusal names. */
    static Matcher<DisclosureRejected> rejectedFor(Rejection reason) {
        return new Rejected(reason, anything("any field"));
    }

    /** Refused for this reason, blaming this request field; null when the whole command is at fault. */
    static Matcher<DisclosureRejected> rejectedFor(Rejection reason, String field) {
        return new Rejected(reason, equalTo(field));
    }

    private static final class Rejected extends TypeSafeDiagnosingMatcher<DisclosureRejected> {

        private final Rejection reason;
        private final Matcher<?> field;

        Rejected(Rejection reason, Matcher<?> field) {
            this.reason = reason;
            this.field = field;
        }

        @Override
        protected boolean matchesSafely(DisclosureRejected rejected, Description mismatch) {
            mismatch.appendText("was ").appendValue(rejected.reason());
            mismatch.appendText(" of ").appendValue(rejected.disclosureId());
            mismatch.appendText(" on field ").appendValue(rejected.field());
            mismatch.appendText(" saying ").appendValue(rejected.getMessage());
            return rejected.reason() == reason
                    && Examples.DISCLOSURE_ID.equals(rejected.disclosureId())
                    && field.matches(rejected.field())
                    && rejected.getMessage() != null
                    && !rejected.getMessage().isBlank();
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("DisclosureRejected ").appendValue(reason);
            description.appendText(" of ").appendValue(Examples.DISCLOSURE_ID);
            description.appendText(" on field ").appendDescriptionOf(field);
            description.appendText(" with a message");
        }
    }
}
