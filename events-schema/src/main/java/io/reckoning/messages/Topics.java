package io.reckoning.messages;

/** The Kafka topics of the contract; step-task topics are per type, see {@link StepTask#topicFor(String)}. */
public final class Topics {

    public static final String RUN_EVENTS = "reckoning.run-events";
    public static final String STEP_RESULTS = StepResult.TOPIC;
    public static final String DEAD_LETTER = "reckoning.dead-letter";

    private Topics() {
    }
}
