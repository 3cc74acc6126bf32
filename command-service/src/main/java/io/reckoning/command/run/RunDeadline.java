package io.reckoning.command.run;

/** The payload of a run's timeout timer. */
record RunDeadline(String runId) {

    static final String TIMEOUT = "run-timeout";
}
