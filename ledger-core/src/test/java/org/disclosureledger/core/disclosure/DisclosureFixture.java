package org.disclosureledger.core.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;

/**
 * Given events, when a command, then the events the {@link Disclosure} aggregate stored, or why it refused: Axon's
 * own command bus, event-sourcing repository and in-memory event store, with the ledger's clock injected into the
 * command handlers and set by {@link #givenCurrentTime}.
 *
 * <p>Why not {@code AggregateTestFixture}: axon-test declares Hamcrest optional and ledger-core's test classpath does
 * not have it, so the fixture's {@code when(...)} fails with {@code NoClassDefFoundError: org/hamcrest/Description}
 * and its {@code expect...} methods do not compile. The methods below carry the fixture's names, so moving these
 * tests onto the fixture once Hamcrest is a test dependency is a mechanical change.
 */
final class DisclosureFixture {

    private static final String AGGREGATE_TYPE = Disclosure.class.getSimpleName();

    private final EventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
    private final AnnotationCommandTargetResolver targets =
            AnnotationCommandTargetResolver.builder().build();
    private final List<Object> givenEvents = new ArrayList<>();
    private Instant now = Examples.NOW;

    DisclosureFixture() {
        ParameterResolverFactory parameters = MultiParameterResolverFactory.ordered(
                new SimpleResourceParameterResolverFactory(List.of(new LedgerClock())),
                ClasspathParameterResolverFactory.forClass(Disclosure.class));
        EventSourcingRepository<Disclosure> repository = EventSourcingRepository.builder(Disclosure.class)
                .eventStore(eventStore)
                .parameterResolverFactory(parameters)
                .build();
        AggregateAnnotationCommandHandler.<Disclosure>builder()
                .aggregateType(Disclosure.class)
                .repository(repository)
                .parameterResolverFactory(parameters)
                .build()
                .subscribe(commandBus);
    }

    /** Sets the ledger's time, which the command handlers read from their {@link Clock}. */
    DisclosureFixture givenCurrentTime(Instant time) {
        now = time;
        return this;
    }

    /** Stores these events of {@link Examples#DISCLOSURE_ID}, in order, as its history. */
    DisclosureFixture given(Object... events) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (Object event : events) {
            messages.add(new GenericDomainEventMessage<>(
                    AGGREGATE_TYPE, Examples.DISCLOSURE_ID.value(), givenEvents.size(), event));
            givenEvents.add(event);
        }
        eventStore.publish(messages);
        return this;
    }

    Outcome when(Object command) {
        AtomicReference<CommandResultMessage<?>> reply = new AtomicReference<>();
        commandBus.dispatch(GenericCommandMessage.asCommandMessage(command), (message, result) -> reply.set(result));
        CommandResultMessage<?> result = reply.get();
        assertThat(result).as("the command bus answered").isNotNull();
        String target = targets.resolveTarget(GenericCommandMessage.asCommandMessage(command))
                .getIdentifier();
        List<Object> stored = eventStore
                .readEvents(target)
                .asStream()
                .skip(target.equals(Examples.DISCLOSURE_ID.value()) ? givenEvents.size() : 0)
                .map(DomainEventMessage::getPayload)
                .map(Object.class::cast)
                .toList();
        return result.isExceptional()
                ? new Outcome(null, result.exceptionResult(), stored, target)
                : new Outcome(result.getPayload(), null, stored, target);
    }

    /** The ledger's clock, showing whatever time the test gave. */
    private final class LedgerClock extends Clock {

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the aggregate reads the ledger's time in UTC only");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** What one command did: its return value or exception, and the events it stored. */
    record Outcome(Object result, Throwable exception, List<Object> events, String target) {

        Outcome expectSuccessfulHandlerExecution() {
            assertThat(exception).as("exception thrown by the command handler").isNull();
            return this;
        }

        Outcome expectEvents(Object... expected) {
            expectSuccessfulHandlerExecution();
            assertThat(events).as("events stored").containsExactly(expected);
            return this;
        }

        Outcome expectNoEvents() {
            assertThat(events).as("events stored").isEmpty();
            return this;
        }

        Outcome expectResultMessagePayload(Object expected) {
            expectSuccessfulHandlerExecution();
            assertThat(result).as("command result").isEqualTo(expected);
            return this;
        }

        Outcome expectException(Class<? extends Throwable> type) {
            assertThat(exception).as("exception thrown by the command handler").isInstanceOf(type);
            return this;
        }

        Outcome expectExceptionMessage(String fragment) {
            assertThat(exception).as("exception thrown by the command handler").hasMessageContaining(fragment);
            return this;
        }

        /** The command was refused as a {@link DisclosureRejected} for this reason, naming its disclosure. */
        Outcome expectRejection(Rejection reason) {
            expectException(DisclosureRejected.class);
            DisclosureRejected rejected = (DisclosureRejected) exception;
            assertThat(rejected.reason()).as("rejection reason").isEqualTo(reason);
            assertThat(rejected.disclosureId()).as("rejected disclosure").hasToString(target);
            assertThat(rejected.getMessage()).as("rejection message").isNotBlank();
            return this;
        }

        /** The request field the rejection blames; null when the whole command is at fault. */
        Outcome expectRejectedField(String field) {
            expectException(DisclosureRejected.class);
            assertThat(((DisclosureRejected) exception).field())
                    .as("rejected field")
                    .isEqualTo(field);
            return this;
        }
    }
}
