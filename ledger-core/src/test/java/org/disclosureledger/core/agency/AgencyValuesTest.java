package org.disclosureledger.core.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.shared.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The agencies on either side of a disclosure validate themselves and say which field is wrong. */
class AgencyValuesTest {

    private static final StateCode CA = new StateCode("CA");
    private static final AgencyId ICE = new AgencyId("us-dhs-ice");
    private static final String ADDRESS = "500 12th St SW, Washington, DC 20536";

    static Stream<Arguments> validAgencyIds() {
        return Stream.of(
                argumentSet("one letter", "a"),
                argumentSet("agency and component", "us-dhs-ice"),
                argumentSet("with digits", "ca-dhcs-2"),
                argumentSet("64 characters", "a".repeat(64)));
    }

    @ParameterizedTest
    @MethodSource("validAgencyIds")
    void validAgencyIdsAreAccepted(String value) {
        assertThat(new AgencyId(value)).hasToString(value);
    }

    static Stream<Arguments> invalidAgencyIds() {
        return Stream.of(
                argumentSet("missing", (String) null),
                argumentSet("blank", " "),
                argumentSet("capitals", "US-DHS"),
                argumentSet("double hyphen", "us--dhs"),
                argumentSet("leading hyphen", "-us"),
                argumentSet("trailing hyphen", "us-"),
                argumentSet("space", "us dhs"),
                argumentSet("underscore", "us_dhs"),
                argumentSet("65 characters", "a".repeat(65)));
    }

    @ParameterizedTest
    @MethodSource("invalidAgencyIds")
    void invalidAgencyIdsAreRefusedWithAnExample(String value) {
        assertThatThrownBy(() -> new AgencyId(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("agency id")
                .hasMessageContaining("us-dhs-ice");
    }

    static Stream<Arguments> validAgencies() {
        return Stream.of(
                argumentSet("custodian", call(() -> new Custodian(CA, "Department of Health Care Services"))),
                argumentSet("custodian name of 200 characters", call(() -> new Custodian(CA, "n".repeat(200)))),
                argumentSet("recipient with component", call(() -> new Recipient(ICE, "ICE", "ERO", ADDRESS))),
                argumentSet("recipient without component", call(() -> new Recipient(ICE, "ICE", null, ADDRESS))),
                argumentSet(
                        "recipient address over two lines",
                        call(() -> new Recipient(ICE, "ICE", null, "500 12th St SW\nWashington, DC 20536"))));
    }

    @ParameterizedTest
    @MethodSource("validAgencies")
    void validAgenciesAreAccepted(ThrowingCallable construction) {
        assertThatCode(construction).doesNotThrowAnyException();
    }

    static Stream<Arguments> invalidAgencies() {
        return Stream.of(
                argumentSet("custodian without state", call(() -> new Custodian(null, "DHCS")), "custodian.state"),
                argumentSet("custodian without name", call(() -> new Custodian(CA, null)), "custodian.agencyName"),
                argumentSet("custodian with blank name", call(() -> new Custodian(CA, "\t")), "custodian.agencyName"),
                argumentSet(
                        "custodian name of 201 characters",
                        call(() -> new Custodian(CA, "n".repeat(201))),
                        "custodian.agencyName"),
                argumentSet(
                        "recipient without agency id",
                        call(() -> new Recipient(null, "ICE", null, ADDRESS)),
                        "recipient.agencyId"),
                argumentSet(
                        "recipient without name", call(() -> new Recipient(ICE, "", null, ADDRESS)), "recipient.name"),
                argumentSet(
                        "recipient name with a control character",
                        call(() -> new Recipient(ICE, "ICE\u001b[31m", null, ADDRESS)),
                        "recipient.name"),
                argumentSet(
                        "recipient component of 201 characters",
                        call(() -> new Recipient(ICE, "ICE", "c".repeat(201), ADDRESS)),
                        "recipient.component"),
                argumentSet(
                        "recipient without address",
                        call(() -> new Recipient(ICE, "ICE", null, null)),
                        "recipient.address"),
                argumentSet(
                        "recipient address of 501 characters",
                        call(() -> new Recipient(ICE, "ICE", null, "a".repeat(501))),
                        "recipient.address"));
    }

    @ParameterizedTest
    @MethodSource("invalidAgencies")
    void invalidAgenciesAreRefusedNamingTheField(ThrowingCallable construction, String field) {
        assertThatThrownBy(construction)
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(field);
    }

    @Test
    void aBlankComponentIsNoComponent() {
        assertThat(new Recipient(ICE, " ICE ", "  ", ADDRESS)).isEqualTo(new Recipient(ICE, "ICE", null, ADDRESS));
    }

    /** Lets a lambda that builds a value stand in a table row. */
    private static ThrowingCallable call(ThrowingCallable construction) {
        return construction;
    }
}
