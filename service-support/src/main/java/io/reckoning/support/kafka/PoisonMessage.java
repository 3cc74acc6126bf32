package io.reckoning.support.kafka;

/**
 * A Kafka message that can never be handled (malformed, or about a run that does not exist). It goes to
 * {@code reckoning.dead-letter} with the reason in its headers instead of being retried.
 */
public class PoisonMessage extends RuntimeException {

    public PoisonMessage(String reason) {
        super(reason);
    }

    public PoisonMessage(String reason, Throwable cause) {
        super(reason, cause);
    }
}
