package dev.safejdbc.examples;

import java.time.Duration;

/**
 * What one run of an example (raw or through safe-jdbc) counted.
 *
 * @param anomalies the incident's symptom: lost writes, extra databases, hangs cut short by a timeout
 * @param errors    errors raised instead of the symptom (SQLState 25001, for example)
 * @param time      how long the run took
 */
public record Tally(int anomalies, int errors, Duration time) {

    /** Starts a clock for a run; {@link Clock#stop} makes the tally. */
    static Clock start() {
        return new Clock(System.nanoTime());
    }

    record Clock(long startNanos) {
        Tally stop(int anomalies, int errors) {
            return new Tally(anomalies, errors, Duration.ofNanos(System.nanoTime() - startNanos));
        }
    }
}
