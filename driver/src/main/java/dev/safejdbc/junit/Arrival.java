package dev.safejdbc.junit;

import dev.safejdbc.session.Boundary;

/** One boundary a task reached, with its statement's text (null for the other boundaries). */
record Arrival(Boundary boundary, String sql) {
}
