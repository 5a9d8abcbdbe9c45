package dev.safejdbc.session;

/** A {@link Session.Scope}: the session, and what leaving it gives back. One per session. */
final class SessionScope implements Session.Scope {
    private final Session session;
    private final Runnable leave;

    SessionScope(Session session, Runnable leave) {
        this.session = session;
        this.leave = leave;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public void close() {
        leave.run();
    }
}
