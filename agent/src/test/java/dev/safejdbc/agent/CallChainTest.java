package dev.safejdbc.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safejdbc.agent.CallChain.Handout;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The call chain's decisions, with stand-in connections: which call protects, and that only one does. */
class CallChainTest {
    private final CallChain chain = new CallChain();
    private final List<Connection> protectedOnes = new ArrayList<>();

    /** Protects by wrapping in a new stand-in; a wrapper that hides what it wraps, as some pools' proxies do. */
    private final CallChain.Protection protection = connection -> {
        protectedOnes.add(connection);
        return new Handout(connection("safe(" + connection + ")"), true);
    };

    @Test
    void aSingleCallProtectsItsConnection() throws Exception {
        Connection raw = connection("raw");
        chain.enter();
        assertThat(chain.exit(raw, protection).toString()).isEqualTo("safe(raw)");
    }

    @Test
    void theInnermostCallProtectsAndTheCallsAroundItHandItOn() throws Exception {
        chain.enter(); // a pool's getConnection
        chain.enter(); // its driver data source
        chain.enter(); // the driver's connect
        Connection physical = chain.exit(connection("physical"), protection);
        Connection fromDataSource = chain.exit(physical, protection);
        Connection pooled = connection("proxy(" + fromDataSource + ")"); // hides what it wraps
        assertThat(chain.exit(pooled, protection)).isSameAs(pooled);
        assertThat(protectedOnes).hasSize(1);
    }

    @Test
    void aFailedInnerCallLeavesTheProtectionToTheOuterOne() throws Exception {
        chain.enter();
        chain.enter();
        assertThat(chain.exit(null, protection)).isNull();
        assertThat(chain.exit(connection("raw"), protection).toString()).isEqualTo("safe(raw)");
    }

    @Test
    void onlyTheLastInnerCallCounts() throws Exception {
        chain.enter();
        chain.enter(); // a first, safe connection, handed back before the method returns
        chain.exit(connection("probe"), protection);
        chain.enter(); // a second call that protects nothing (safe-jdbc's own driver opens it, say)
        chain.exit(connection("second"), unprotected -> new Handout(unprotected, false));
        assertThat(chain.exit(connection("other"), protection).toString()).isEqualTo("safe(other)");
    }

    @Test
    void whatTheProtectionItselfOpensIsLeftAlone() throws Exception {
        List<Connection> opened = new ArrayList<>();
        chain.enter();
        Connection out = chain.exit(connection("raw"), connection -> {
            chain.enter(); // the protection asks a driver for a connection of its own
            opened.add(chain.exit(connection("own"), protection));
            return new Handout(connection("safe(" + connection + ")"), true);
        });
        assertThat(out.toString()).isEqualTo("safe(raw)");
        assertThat(opened).extracting(Object::toString).containsExactly("own");
        assertThat(protectedOnes).isEmpty();
    }

    @Test
    void eachTopLevelCallStartsAfresh() throws Exception {
        chain.enter();
        chain.exit(connection("first"), protection);
        chain.enter();
        assertThat(chain.exit(connection("second"), protection).toString()).isEqualTo("safe(second)");
    }

    private static Connection connection(String name) {
        return (Connection) Proxy.newProxyInstance(CallChainTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("toString")) {
                        return name;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
