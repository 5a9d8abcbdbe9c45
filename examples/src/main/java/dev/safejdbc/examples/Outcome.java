package dev.safejdbc.examples;

import java.time.Duration;

/**
 * One row of the demo's table: a scenario run on the raw driver and through {@code jdbc:safe:}.
 *
 * @param scenario       what ran, and what counts as an anomaly
 * @param anomaliesRaw   the incident's symptom on the raw driver
 * @param anomaliesSafe  the same symptom through safe-jdbc (the demo fails unless it is 0)
 * @param errorsSafe     errors safe-jdbc raised instead of letting the symptom happen
 * @param timeRaw        time of the raw run
 * @param timeSafe       time of the safe-jdbc run
 */
public record Outcome(String scenario, int anomaliesRaw, int anomaliesSafe, int errorsSafe,
                      Duration timeRaw, Duration timeSafe) {

    static Outcome of(String scenario, Tally raw, Tally safe) {
        return new Outcome(scenario, raw.anomalies(), safe.anomalies(), safe.errors(), raw.time(), safe.time());
    }
}
