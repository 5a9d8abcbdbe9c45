package dev.safejdbc.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spring- and Hibernate-shaped call stacks, with the frameworks' own class names: the site a
 * message or finding names is the application's frame, never the framework's, and findings on
 * distinct tables or at distinct sites never merge.
 */
class FrameworkStacksTest {
    @TempDir
    Path directory;

    private int stacks;

    @BeforeEach
    void startEmpty() {
        Findings.clearForTests();
        AppFrames.forgetApplicationPackagesForTests();
    }

    @AfterEach
    void forgetPackages() {
        AppFrames.forgetApplicationPackagesForTests();
    }

    /** The classes, outermost first; the innermost calls into "the library" (AppFrames.here). */
    private AppFrames capturedUnder(String... outermostFirst) throws Exception {
        Function<Supplier<Object>, Object> stack =
                ApplicationCode.stack(directory.resolve("stack" + stacks++), outermostFirst);
        return (AppFrames) stack.apply(AppFrames::here);
    }

    private static String site(String className) {
        return className + ".apply(" + className.substring(className.lastIndexOf('.') + 1) + ".java:"
                + ApplicationCode.LAYER_CALL_LINE + ")";
    }

    /** A web request into a transactional service whose repository saves through Hibernate. */
    private static String[] springDataJpa(String service) {
        return new String[] {
                "org.apache.catalina.core.ApplicationFilterChain",
                "org.springframework.web.servlet.DispatcherServlet",
                "com.shop.web.OrderController",
                service + "$$SpringCGLIB$$0",
                "org.springframework.aop.framework.CglibAopProxy",
                "org.springframework.transaction.interceptor.TransactionInterceptor",
                service,
                "org.springframework.data.jpa.repository.support.SimpleJpaRepository",
                "org.hibernate.internal.SessionImpl",
                "org.hibernate.persister.entity.AbstractEntityPersister",
                "org.hibernate.engine.jdbc.internal.ResultSetReturnImpl"};
    }

    @Test
    void theSiteOfAStatementUnderSpringDataJpaIsTheServiceThatCalledTheRepository() throws Exception {
        AppFrames frames = capturedUnder(springDataJpa("com.shop.service.OrderService"));

        assertThat(frames.site()).isEqualTo(site("com.shop.service.OrderService"));
        assertThat(frames.frames()).extracting(StackTraceElement::getClassName)
                .containsExactly("com.shop.service.OrderService", "com.shop.web.OrderController");
    }

    @Test
    void aFlushAtCommitIsTheCallerOfTheTransactionalProxyNotHibernateOrSpring() throws Exception {
        AppFrames frames = capturedUnder(
                "com.shop.web.OrderController",
                "com.shop.service.OrderService$$SpringCGLIB$$0",
                "org.springframework.transaction.interceptor.TransactionAspectSupport",
                "org.springframework.orm.jpa.JpaTransactionManager",
                "org.hibernate.internal.SessionImpl",
                "org.hibernate.event.internal.DefaultFlushEventListener",
                "org.hibernate.engine.jdbc.batch.internal.BatchImpl");

        assertThat(frames.site()).isEqualTo(site("com.shop.web.OrderController"));
    }

    @Test
    void declaredApplicationPackagesComeFirst() throws Exception {
        AppFrames.declareApplicationPackages(List.of("com.shop.service"));

        AppFrames frames = capturedUnder(
                "com.shop.service.OrderService",
                "com.acme.audit.AuditHelper",
                "org.jooq.impl.AbstractQuery");

        assertThat(frames.frames()).extracting(StackTraceElement::getClassName)
                .containsExactly("com.shop.service.OrderService", "com.acme.audit.AuditHelper");
        assertThat(frames.site()).isEqualTo(site("com.shop.service.OrderService"));
    }

    @Test
    void aStackWithNoApplicationFrameNamesTheFrameworkRatherThanNothing() throws Exception {
        AppFrames frames = capturedUnder(
                "org.springframework.boot.SpringApplication",
                "org.flywaydb.core.Flyway",
                "org.flywaydb.core.internal.jdbc.JdbcTemplate");

        assertThat(frames.site()).isEqualTo(site("org.flywaydb.core.internal.jdbc.JdbcTemplate"));
    }

    @Test
    void proxiesAndLambdasOfEveryFrameworkAreNotTheApplication() {
        assertThat(List.of(
                "com.shop.OrderService$$SpringCGLIB$$0",
                "com.shop.OrderService$$EnhancerBySpringCGLIB$$1a2b",
                "com.shop.Customer$HibernateProxy$Xy12",
                "com.shop.Repo$ByteBuddy$abc",
                "com.shop.Job$$Lambda/0x0000000800c0b000",
                "com.shop.Bean$Proxy$_$$_WeldClientProxy",
                "jakarta.persistence.EntityManager",
                "org.jooq.impl.DSL",
                "org.apache.ibatis.executor.SimpleExecutor",
                "org.mybatis.spring.SqlSessionTemplate",
                "org.jdbi.v3.core.Handle",
                "org.quartz.core.JobRunShell",
                "org.flywaydb.core.Flyway",
                "liquibase.Liquibase",
                "io.micronaut.data.jdbc.runtime.JdbcOperations",
                "io.quarkus.agroal.runtime.DataSources",
                "kotlinx.coroutines.DispatchedTask",
                "reactor.core.publisher.Mono",
                "org.apache.catalina.core.StandardWrapperValve",
                "org.eclipse.jetty.server.Server",
                "io.netty.channel.nio.NioEventLoop"))
                .allSatisfy(className -> assertThat(AppFrames.isApplication(className)).as(className).isFalse());
    }

    @Test
    void oneSiteOnTwoTablesIsTwoFindingsAndOneProblemAtOneSiteIsOne() throws Exception {
        AppFrames underJpa = capturedUnder(springDataJpa("com.shop.service.BillingService"));

        Finding customers = Findings.record(FindingKind.UNGUARDED_CHECK_THEN_ACT, "postgresql://db/shop", "customer",
                underJpa, "UPDATE on customer");
        Findings.record(FindingKind.UNGUARDED_CHECK_THEN_ACT, "postgresql://db/shop", "invoice", underJpa,
                "UPDATE on invoice");
        for (int i = 0; i < 500; i++) {
            Findings.record(FindingKind.UNGUARDED_CHECK_THEN_ACT, "postgresql://db/shop", "customer", underJpa,
                    "UPDATE on customer");
        }

        assertThat(Findings.snapshot()).extracting(Finding::table).containsExactly("customer", "invoice");
        assertThat(customers.count()).isEqualTo(501);
    }

    @Test
    void twoServicesThroughTheSameHibernateFramesAreTwoFindings() throws Exception {
        AppFrames orders = capturedUnder(springDataJpa("com.shop.service.OrderService"));
        AppFrames billing = capturedUnder(springDataJpa("com.shop.service.BillingService"));

        Findings.record(FindingKind.NESTED_SESSION, "postgresql://db/shop", orders, "nested in orders");
        Findings.record(FindingKind.NESTED_SESSION, "postgresql://db/shop", billing, "nested in billing");

        assertThat(Findings.snapshot()).extracting(Finding::site).containsExactly(
                site("com.shop.service.OrderService"), site("com.shop.service.BillingService"));
    }
}
