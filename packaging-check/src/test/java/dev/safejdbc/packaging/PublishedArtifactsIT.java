package dev.safejdbc.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a user gets from Maven: the published jars (main, sources, javadoc) and poms of the driver,
 * the agent and the Spring Boot starter, as the build left them. No third-party class outside
 * safe-jdbc's own packages, no stray file at a jar's root, the licence in every jar and the
 * metadata Maven Central asks for in every pom; at run time the driver's pom names only slf4j-api,
 * the agent's nothing, the starter's only the driver (Boot is the application's own).
 */
class PublishedArtifactsIT {
    private static final Path ROOT = Path.of(System.getProperty("safejdbc.root", "..")).toAbsolutePath().normalize();
    private static final String VERSION = System.getProperty("safejdbc.version", "0.1.0-SNAPSHOT");
    /** The modules whose jars a user gets from Maven; every other one is built and checked only. */
    private static final List<String> PUBLISHED = List.of("driver", "agent", "spring-boot-starter");

    private static Path artifact(String module, String artifactId, String classifier) {
        return ROOT.resolve(module).resolve("target")
                .resolve(artifactId + "-" + VERSION + (classifier.isEmpty() ? "" : "-" + classifier) + ".jar");
    }

    /** The pom installed with a module's jar: the shaded modules' dependency-reduced one, else the module's own. */
    private static Path publishedPom(String module) {
        Path reduced = ROOT.resolve(module).resolve("target").resolve("dependency-reduced-pom.xml");
        return module.equals("spring-boot-starter") ? ROOT.resolve(module).resolve("pom.xml") : reduced;
    }

    @Test
    void theDriverJarHoldsOnlySafeJdbcsPackagesWithJSqlParserRelocated() throws IOException {
        try (JarFile jar = new JarFile(artifact("driver", "safe-jdbc", "").toFile())) {
            List<String> files = files(jar);
            assertThat(files).contains("dev/safejdbc/SafeDriver.class", "META-INF/services/java.sql.Driver",
                    "dev/safejdbc/shaded/net/sf/jsqlparser/parser/CCJSqlParser.class");
            assertThat(files).allMatch(name -> name.startsWith("dev/safejdbc/") || name.startsWith("META-INF/"),
                    "under dev/safejdbc/ or META-INF/");
            assertThat(files).filteredOn(name -> name.startsWith("META-INF/") && !name.startsWith("META-INF/maven/"))
                    .containsExactlyInAnyOrder("META-INF/MANIFEST.MF", "META-INF/LICENSE", "META-INF/NOTICE",
                            "META-INF/services/java.sql.Driver");
            assertLicensed(jar);
            assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).isEqualTo("dev.safejdbc");
        }
    }

    @Test
    void theAgentJarShowsOnlyItsEntryPointAndHookAndKeepsTheRestUnderInst() throws IOException {
        try (JarFile jar = new JarFile(artifact("agent", "safe-jdbc-agent", "").toFile())) {
            List<String> files = files(jar);
            assertThat(files).filteredOn(name -> !name.startsWith("inst/")).containsExactlyInAnyOrder(
                    "META-INF/MANIFEST.MF", "META-INF/LICENSE", "META-INF/NOTICE",
                    "dev/safejdbc/agent/SafeJdbcAgent.class", "dev/safejdbc/agent/AgentClassLoader.class",
                    "dev/safejdbc/agent/ConnectionHook.class");
            assertThat(files).filteredOn(name -> name.startsWith("inst/"))
                    .allMatch(name -> name.startsWith("inst/dev/safejdbc/") || name.startsWith("inst/META-INF/"),
                            "relocated under dev/safejdbc/")
                    .noneMatch(name -> name.endsWith(".class"))
                    .contains("inst/dev/safejdbc/agent/shaded/net/bytebuddy/jar/asm/ClassReader.classdata",
                            "inst/dev/safejdbc/agent/shaded/org/slf4j/LoggerFactory.classdata",
                            "inst/dev/safejdbc/shaded/net/sf/jsqlparser/parser/CCJSqlParser.classdata");
            assertLicensed(jar);
            assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
                    .isEqualTo("dev.safejdbc.agent");
        }
    }

    @Test
    void theStarterJarHoldsOnlyItsOwnPackageAndBootsMetadata() throws IOException {
        try (JarFile jar = new JarFile(artifact("spring-boot-starter", "safe-jdbc-spring-boot-starter", "").toFile())) {
            List<String> files = files(jar);
            assertThat(files).contains("dev/safejdbc/boot/SafeJdbcAutoConfiguration.class")
                    .allMatch(name -> name.startsWith("dev/safejdbc/boot/") || name.startsWith("META-INF/"),
                            "under dev/safejdbc/boot/ or META-INF/");
            assertThat(files).filteredOn(name -> name.startsWith("META-INF/") && !name.startsWith("META-INF/maven/"))
                    .containsExactlyInAnyOrder("META-INF/MANIFEST.MF", "META-INF/LICENSE",
                            "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports",
                            "META-INF/spring-configuration-metadata.json",
                            "META-INF/additional-spring-configuration-metadata.json");
            assertLicensed(jar);
            assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
                    .isEqualTo("dev.safejdbc.boot");
        }
    }

    @Test
    void sourcesAndJavadocJarsComeWithEachPublishedJar() throws IOException {
        for (String[] published : new String[][] {{"driver", "safe-jdbc", "dev/safejdbc/SafeDataSource"},
                {"agent", "safe-jdbc-agent", "dev/safejdbc/agent/SafeJdbcAgent"},
                {"spring-boot-starter", "safe-jdbc-spring-boot-starter", "dev/safejdbc/boot/SafeJdbcProperties"}}) {
            try (JarFile sources = new JarFile(artifact(published[0], published[1], "sources").toFile());
                    JarFile javadoc = new JarFile(artifact(published[0], published[1], "javadoc").toFile())) {
                assertThat(files(sources)).contains(published[2] + ".java");
                assertLicensed(sources);
                assertThat(files(javadoc)).contains("index.html")
                        .anyMatch(name -> name.endsWith(published[2] + ".html")); // under a module folder or not
            }
        }
    }

    @Test
    void theDriversPomNamesOnlySlf4jAtRunTimeTheAgentsNothingAndTheStartersOnlyTheDriver() throws Exception {
        assertThat(runtimeDependencies(pom(publishedPom("driver")))).containsExactly("org.slf4j:slf4j-api");
        assertThat(runtimeDependencies(pom(publishedPom("agent")))).isEmpty();
        Element starter = pom(publishedPom("spring-boot-starter"));
        assertThat(runtimeDependencies(starter)).containsExactly("dev.safejdbc:safe-jdbc");
        // the application's Boot is the one that runs: the starter only compiles against its own
        assertThat(children(child(starter, "dependencies"), "dependency")).filteredOn(dependency ->
                text(dependency, "groupId").startsWith("org.springframework") && !"test".equals(text(dependency, "scope")))
                .extracting(dependency -> text(dependency, "artifactId"))
                .containsExactlyInAnyOrder("spring-boot-autoconfigure", "spring-boot-actuator-autoconfigure");
    }

    @Test
    void everyPublishedPomCarriesTheMetadataMavenCentralAsksFor() throws Exception {
        Element parent = pom(ROOT.resolve("pom.xml"));
        assertThat(text(parent, "url")).startsWith("https://");
        assertThat(text(parent, "description")).isNotBlank();
        assertThat(text(child(parent, "licenses", "license"), "name")).isEqualTo("Apache-2.0");
        assertThat(text(child(parent, "licenses", "license"), "url")).contains("apache.org/licenses/LICENSE-2.0");
        assertThat(text(child(parent, "scm"), "url")).startsWith("https://");
        assertThat(text(child(parent, "scm"), "connection")).startsWith("scm:git:");
        assertThat(text(child(parent, "developers", "developer"), "name")).isNotBlank();
        assertThat(Files.readString(ROOT.resolve("LICENSE"))).contains("Apache License", "Version 2.0");
        for (String module : PUBLISHED) {
            Element pom = pom(publishedPom(module));
            assertThat(text(pom, "name")).as(module).isNotBlank();
            assertThat(text(pom, "description")).as(module).isNotBlank();
            assertThat(text(child(pom, "parent"), "artifactId")).as(module).isEqualTo(text(parent, "artifactId"));
        }
    }

    @Test
    void theProjectHasOneAddressDeclaredOnceInTheParent() throws Exception {
        Element parent = pom(ROOT.resolve("pom.xml"));
        String url = text(parent, "url");
        assertThat(text(child(parent, "scm"), "url")).isEqualTo(url);
        assertThat(text(child(parent, "scm"), "connection")).isEqualTo("scm:git:" + url + ".git");
        assertThat(text(child(parent, "scm"), "developerConnection")).isEqualTo("scm:git:" + url + ".git");
        assertThat(Files.readString(ROOT.resolve("docs").resolve("RELEASING.md"))).contains(url);
        for (String module : modules(parent)) {
            Element pom = pom(ROOT.resolve(module).resolve("pom.xml"));
            assertThat(child(pom, "url")).as(module + " inherits the parent's url").isNull();
            assertThat(child(pom, "scm")).as(module + " inherits the parent's scm").isNull();
        }
    }

    @Test
    void onlyThePublishedModulesAreInstalledOrDeployed() throws Exception {
        for (String module : modules(pom(ROOT.resolve("pom.xml")))) {
            Element properties = child(pom(ROOT.resolve(module).resolve("pom.xml")), "properties");
            boolean skipped = properties != null && "true".equals(text(properties, "maven.deploy.skip"))
                    && "true".equals(text(properties, "maven.install.skip"));
            assertThat(skipped).as(module + " skips install and deploy").isEqualTo(!PUBLISHED.contains(module));
        }
    }

    private static List<String> modules(Element parent) {
        return children(child(parent, "modules"), "module").stream().map(module -> module.getTextContent().strip())
                .toList();
    }

    private static void assertLicensed(JarFile jar) throws IOException {
        ZipEntry license = jar.getEntry("META-INF/LICENSE");
        assertThat(license).as(jar.getName() + " has META-INF/LICENSE").isNotNull();
        assertThat(new String(jar.getInputStream(license).readAllBytes())).contains("Apache License", "Version 2.0");
    }

    private static List<String> files(JarFile jar) {
        return jar.stream().filter(entry -> !entry.isDirectory()).map(ZipEntry::getName).toList();
    }

    /** {@code group:artifact} of each dependency a user's build would get: not test, not provided, not optional. */
    private static List<String> runtimeDependencies(Element pom) {
        List<String> found = new ArrayList<>();
        Element dependencies = child(pom, "dependencies");
        if (dependencies == null) {
            return found;
        }
        for (Element dependency : children(dependencies, "dependency")) {
            String scope = text(dependency, "scope");
            if (!"test".equals(scope) && !"provided".equals(scope) && !"true".equals(text(dependency, "optional"))) {
                found.add(text(dependency, "groupId") + ":" + text(dependency, "artifactId"));
            }
        }
        return found;
    }

    private static Element pom(Path file) throws Exception {
        assertThat(file).exists();
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        return document.getDocumentElement();
    }

    /** The element reached by {@code path} of direct children, or null. */
    private static Element child(Element from, String... path) {
        Element current = from;
        for (String name : path) {
            List<Element> matches = current == null ? List.of() : children(current, name);
            current = matches.isEmpty() ? null : matches.get(0);
        }
        return current;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent().strip();
    }
}
