package dev.safejdbc.session;

/** A {@link Session.Scope}: the session, and what leaving it gives back. One per session. */
record SessionScope(Session session, Runnable leave) implements Session.Scope {

    @Override
    public void close() {
        leave.run();
    }
}
