package dev.safejdbc.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppFramesTest {
    @TempDir
    static Path directory;

    private static ApplicationCode application;

    @BeforeAll
    static void compileApplication() throws Exception {
        application = ApplicationCode.compile(directory);
    }

    private static AppFrames capturedBy(Function<Supplier<Object>, Object> caller) {
        return (AppFrames) caller.apply(AppFrames::here);
    }

    @Test
    void theApplicationsCallIntoTheLibraryIsTheFirstFrame() {
        AppFrames frames = capturedBy(application.probe());

        StackTraceElement first = frames.frames().get(0);
        assertThat(first.getClassName()).isEqualTo("com.example.Probe");
        assertThat(first.getMethodName()).isEqualTo("apply");
        assertThat(frames.site())
                .isEqualTo("com.example.Probe.apply(Probe.java:" + ApplicationCode.PROBE_CALL_LINE + ")");
    }

    @Test
    void noInfrastructureFrameIsKept() {
        AppFrames frames = capturedBy(application.probe());

        // This test class is dev.safejdbc.findings, so it counts as the library and is skipped too.
        assertThat(frames.frames()).isNotEmpty()
                .allSatisfy(frame -> assertThat(AppFrames.isApplication(frame.getClassName())).isTrue())
                .noneSatisfy(frame -> assertThat(frame.getClassName()).startsWith("java."))
                .noneSatisfy(frame -> assertThat(frame.getClassName()).isEqualTo(getClass().getName()));
    }

    @Test
    void generatedProxiesBetweenApplicationAndLibraryAreSkipped() {
        @SuppressWarnings("unchecked")
        Supplier<Object> proxied = (Supplier<Object>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Supplier.class}, (proxy, method, arguments) -> AppFrames.here());

        AppFrames frames = (AppFrames) application.probe().apply(proxied);

        assertThat(frames.frames().get(0).getClassName()).isEqualTo("com.example.Probe");
    }

    @Test
    void applicationCodeUnderDevSafejdbcIsKept() {
        AppFrames frames = capturedBy(application.shop());

        assertThat(frames.site()).startsWith("dev.safejdbc.examples.Shop.apply(Shop.java:");
    }

    /** As in a fat jar (the demo's), where the application's package and the library's share one root. */
    @Test
    void aDeclaredPackageIsTheApplicationEvenWhereTheLibrarysJarHoldsIt() {
        assertThat(AppFrames.isApplication("dev.safejdbc.findings.Findings")).isFalse();
        AppFrames.declareApplicationPackages(List.of("dev.safejdbc.findings"));
        try {
            assertThat(AppFrames.isApplication("dev.safejdbc.findings.Findings")).isTrue();
            assertThat(AppFrames.isApplication("dev.safejdbc.session.ThreadSession")).isFalse();
        } finally {
            AppFrames.forgetApplicationPackagesForTests();
        }
    }

    @Test
    void keepsAtMostEightFrames() {
        AppFrames frames = capturedBy(application.deep());

        assertThat(frames.frames()).hasSize(AppFrames.MAX_FRAMES)
                .allSatisfy(frame -> assertThat(frame.getClassName()).isEqualTo("com.example.Deep"));
    }

    @Test
    void ofAnotherThreadShowsWhereItIsNow() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch inside = new CountDownLatch(1); // sampled earlier, the holder may still be making the Probe
        Thread holder = new Thread(() -> application.probe().apply(() -> {
            inside.countDown();
            return await(release);
        }), "holder");
        holder.start();
        try {
            assertThat(inside.await(10, TimeUnit.SECONDS)).as("the holder runs inside Probe.apply").isTrue();
            AppFrames frames = AppFrames.of(holder);
            assertThat(frames.site()).startsWith("com.example.Probe.apply(");
        } finally {
            release.countDown();
            holder.join();
        }
    }

    private static Object await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void noneHasNoFramesAndAnUnknownSite() {
        assertThat(AppFrames.none().frames()).isEmpty();
        assertThat(AppFrames.none().site()).isEqualTo("<unknown>");
        assertThat(AppFrames.none().format("  ")).isEqualTo("  at <unknown>\n");
    }

    @Test
    void formatsOneIndentedLinePerFrameWithoutLoaderOrModulePrefixes() {
        AppFrames frames = new AppFrames(List.of(
                new StackTraceElement("app", "com.example", "1.0", "com.example.Shop", "buy", "Shop.java", 42),
                new StackTraceElement("com.example.Cart", "add", null, -1),
                new StackTraceElement("com.example.Cart", "peek", "Cart.java", -1),
                new StackTraceElement("com.example.Native", "call", "Native.java", -2)));

        assertThat(frames.site()).isEqualTo("com.example.Shop.buy(Shop.java:42)");
        assertThat(frames.format("    ")).isEqualTo("""
                    at com.example.Shop.buy(Shop.java:42)
                    at com.example.Cart.add(Unknown Source)
                    at com.example.Cart.peek(Cart.java)
                    at com.example.Native.call(Native Method)
                """);
    }

    @Test
    void equalityIsOnTheFrames() {
        StackTraceElement shop = new StackTraceElement("com.example.Shop", "buy", "Shop.java", 42);
        StackTraceElement cart = new StackTraceElement("com.example.Cart", "add", "Cart.java", 7);

        assertThat(new AppFrames(List.of(shop, cart))).isEqualTo(new AppFrames(List.of(shop, cart)))
                .hasSameHashCodeAs(new AppFrames(List.of(shop, cart)))
                .isNotEqualTo(new AppFrames(List.of(shop)))
                .isNotEqualTo(new AppFrames(List.of(cart, shop)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "dev.safejdbc.SafeDriver",
            "dev.safejdbc.SafeDataSource$Unwrapped",
            "dev.safejdbc.SafeJdbc",
            "dev.safejdbc.config.Options",
            "dev.safejdbc.error.SqlStates",
            "dev.safejdbc.findings.Findings",
            "dev.safejdbc.jdbc.SafeConnection$1",
            "dev.safejdbc.Protection$ForDataSource",
            "dev.safejdbc.database.Database",
            "dev.safejdbc.session.ConnectionLease",
            "dev.safejdbc.session.Session",
            "dev.safejdbc.guard.Guard",
            "dev.safejdbc.junit.SafeJdbcExtension",
            "java.lang.Thread",
            "javax.sql.DataSource",
            "jdk.internal.reflect.GeneratedMethodAccessor1",
            "jdk.proxy2.$Proxy12",
            "sun.reflect.Foo",
            "com.sun.proxy.$Proxy3",
            "com.zaxxer.hikari.pool.HikariProxyConnection",
            "org.sqlite.jdbc4.JDBC4Connection",
            "org.postgresql.jdbc.PgConnection",
            "org.h2.jdbc.JdbcConnection",
            "org.mariadb.jdbc.Connection",
            "com.mysql.cj.jdbc.ConnectionImpl",
            "net.ttddyy.dsproxy.proxy.ProxyJdbcObject",
            "net.bytebuddy.ByteBuddy",
            "com.example.$Proxy7",
            "$Proxy9"})
    void infrastructureIsSkipped(String className) {
        assertThat(AppFrames.isApplication(className)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "com.example.Shop",
            "Shop",
            "dev.safejdbc.SafeDriverTest",
            "dev.safejdbc.SafeJdbcExample$1",
            "dev.safejdbc.examples.Shop",
            "dev.safejdbc.testapp.Probe",
            "dev.safejdbc.configuration.Loader",
            "dev.safejdbc.agent.Premain", // the agent is the library only where the agent jar holds it
            "sunny.Weather",
            "javafx.Stage",
            "com.example.My$ProxyHelper",
            "com.example.ProxyFactory"})
    void applicationIsKept(String className) {
        assertThat(AppFrames.isApplication(className)).isTrue();
    }
}
