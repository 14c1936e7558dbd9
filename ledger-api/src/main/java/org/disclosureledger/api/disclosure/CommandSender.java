package org.disclosureledger.api.disclosure;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Sends commands and waits for their result, retrying when another request changed the same disclosure at the same
 * moment. That makes two identical requests racing each other behave like a request and its retry: one records, the
 * other gets the original result. After the last attempt the conflict reaches the caller as a 409.
 */
@Component
class CommandSender {

    private static final int ATTEMPTS = 3;

    private final CommandGateway gateway;

    CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    <R> R send(Object command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.sendAndWait(command);
            } catch (ConcurrencyException | AggregateStreamCreationException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
