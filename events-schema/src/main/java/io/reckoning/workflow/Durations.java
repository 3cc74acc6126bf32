package io.reckoning.workflow;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The time values of a definition: ISO-8601 durations ({@code PT30S}, {@code P1D}), as {@link Duration#parse}
 * reads them, and ISO-8601 instants ({@code 2030-01-01T09:00:00Z}), as {@link Instant#parse} reads them.
 */
final class Durations {

    /** The longest duration a definition may give: 100 years keeps every deadline within what the timers store. */
    static final Duration MAX = Duration.ofDays(36_500);

    private Durations() {
    }

    /**
     * Checks that {@code text} is a positive duration of at most {@link #MAX}; {@code what} names it in the
     * sentence ("The timeout of step 'a'"). Returns the duration when it is one.
     */
    static Optional<Duration> positive(String text, String what, String pointer, List<Violation> violations) {
        Duration duration;
        try {
            duration = Duration.parse(text);
        } catch (DateTimeParseException | ArithmeticException e) {
            violations.add(new Violation(pointer, what + " must be an ISO-8601 duration such as PT30S, PT5M or P1D, not '"
                    + text + "'."));
            return Optional.empty();
        }
        if (duration.isNegative() || duration.isZero()) {
            violations.add(new Violation(pointer, what + " must be longer than zero, not " + text + "."));
            return Optional.empty();
        }
        if (duration.compareTo(MAX) > 0) {
            violations.add(new Violation(pointer, what + " may be at most " + MAX.toDays() + " days (P"
                    + MAX.toDays() + "D), not " + text + "."));
            return Optional.empty();
        }
        return Optional.of(duration);
    }

    /** Checks that {@code text} is an ISO-8601 instant. */
    static void instant(String text, String what, String pointer, List<Violation> violations) {
        try {
            Instant.parse(text);
        } catch (DateTimeParseException e) {
            violations.add(new Violation(pointer, what + " must be an ISO-8601 instant such as 2030-01-01T09:00:00Z, not '"
                    + text + "'."));
        }
    }
}
