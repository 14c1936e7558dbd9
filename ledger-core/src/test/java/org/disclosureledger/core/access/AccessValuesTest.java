package org.disclosureledger.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The values of an access event refuse what a person should never see in their list, with a reason. */
class AccessValuesTest {

    static Stream<Arguments> refusedValues() {
        return Stream.of(
                refused("a blank access id", () -> new AccessId(" "), "access id"),
                refused("an access id with a slash", () -> new AccessId("a/b"), "access id"),
                refused("an access id over 100 characters", () -> new AccessId("a".repeat(101)), "access id"),
                refused("a reader without a subject", () -> new Reader("", ReaderRole.ADMIN), "subject"),
                refused("a reader without a role", () -> new Reader("admin@example.gov", null), "role"),
                refused("a reader over 200 characters", () -> new Reader("a".repeat(201), ReaderRole.AUDITOR), "200"),
                refused(
                        "a reader with a line break",
                        () -> new Reader("auditor\nadmin", ReaderRole.AUDITOR),
                        "printable"),
                refused("a blank purpose", () -> new StatedPurpose("  "), "required"),
                refused("a purpose over 500 characters", () -> new StatedPurpose("x".repeat(501)), "500"),
                refused("a purpose on two lines", () -> new StatedPurpose("line one\nline two"), "one line"),
                refused("a purpose with an escape character", () -> new StatedPurpose("red \u001b[31m"), "one line"));
    }

    private static Arguments refused(String name, Runnable making, String reason) {
        return Arguments.of(Named.of(name, making), reason);
    }

    @ParameterizedTest
    @MethodSource("refusedValues")
    void givenABadValue_whenMade_thenRefusedWithAReason(Runnable making, String reason) {
        assertThatThrownBy(making::run).isInstanceOf(RuntimeException.class).hasMessageContaining(reason);
    }

    @Test
    void givenTheValuesTheApiPasses_whenMade_thenAccepted() {
        String uuid = UUID.randomUUID().toString();

        assertThat(new AccessId(uuid).value()).isEqualTo(uuid);
        assertThat(new Reader("the enrollee", ReaderRole.ENROLLEE).subject()).isEqualTo("the enrollee");
        assertThat(new Reader("a".repeat(200), ReaderRole.REGULATOR).subject()).hasSize(200);
        assertThat(new StatedPurpose("x".repeat(500)).text()).hasSize(500);
    }
}
