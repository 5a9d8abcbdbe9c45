package dev.safejdbc.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Loads the agent's own classes (safe-jdbc, Byte Buddy, JSqlParser, SLF4J) from the agent jar's
 * {@code inst/} folder, where they are stored as {@code .classdata}: no application class loader
 * can find them there, so they never meet the application's own copies (as OpenTelemetry's agent
 * does). Its parent is the platform class loader: the agent sees the JDK, the one
 * {@link ConnectionHook} that instrumented code calls (from the system class path), and nothing of
 * the application.
 */
public final class AgentClassLoader extends ClassLoader {
    /** Where the agent's classes and resources are, inside the agent jar. */
    public static final String FOLDER = "inst/";
    /** What a class file's name ends with there, instead of {@code .class}. */
    public static final String CLASS_SUFFIX = ".classdata";
    /** The packages of the agent's own classes, which no other class loader of the JVM defines. */
    private static final String OWN_PACKAGES = "dev.safejdbc.";

    static {
        registerAsParallelCapable();
    }

    private final JarFile jar;
    private final URL jarUrl;
    private final ProtectionDomain domain;
    private final Manifest manifest;
    private final Class<?> hook;

    /**
     * A loader of the classes stored in {@code agentJar}'s {@code inst/} folder.
     *
     * @param agentJar the agent jar, kept open while the loader lives
     * @param hook     the {@link ConnectionHook} of the system class path, shared with instrumented code
     * @throws IOException if the jar cannot be opened or its manifest read
     */
    public AgentClassLoader(Path agentJar, Class<?> hook) throws IOException {
        super("safe-jdbc-agent", ClassLoader.getPlatformClassLoader());
        this.jar = new JarFile(agentJar.toFile(), false);
        this.jarUrl = agentJar.toUri().toURL();
        this.domain = new ProtectionDomain(new CodeSource(jarUrl, (Certificate[]) null), null, this, null);
        this.manifest = jar.getManifest();
        this.hook = hook;
    }

    /**
     * The agent's own classes (safe-jdbc and the libraries relocated under it) are only in its jar, so
     * they are looked up there first: asking the platform class loader first, as any other name is,
     * would fail for each of them with an exception and its stack trace (some 150 at start-up).
     */
    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.equals(hook.getName())) {
            return hook;
        }
        if (!name.startsWith(OWN_PACKAGES)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = defineFromJar(name);
            }
            if (loaded == null) { // the entry points at the jar's root: the usual delegation
                return super.loadClass(name, resolve);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> found = defineFromJar(name);
        if (found == null) {
            throw new ClassNotFoundException(name);
        }
        return found;
    }

    /** The class stored in the jar's {@code inst/} folder, defined; null when there is none. */
    private Class<?> defineFromJar(String name) throws ClassNotFoundException {
        JarEntry entry = jar.getJarEntry(entryName(name));
        if (entry == null) {
            return null;
        }
        byte[] bytes;
        try (InputStream in = jar.getInputStream(entry)) {
            bytes = readFully(in, entry.getSize());
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
        definePackageOf(name);
        return defineClass(name, bytes, 0, bytes.length, domain);
    }

    private static String entryName(String className) {
        return FOLDER + className.replace('.', '/') + CLASS_SUFFIX;
    }

    /**
     * The entry's bytes in one array of its size, as the jar's directory gives it: {@code readAllBytes}
     * would grow buffers and copy them, for each of the few hundred classes the agent loads at start.
     */
    private static byte[] readFully(InputStream in, long size) throws IOException {
        if (size < 0 || size > Integer.MAX_VALUE) {
            return in.readAllBytes();
        }
        byte[] bytes = new byte[(int) size];
        if (in.readNBytes(bytes, 0, bytes.length) != bytes.length) {
            throw new IOException("the jar's entry is shorter than its directory says");
        }
        return bytes;
    }

    /** The package carries the agent's manifest, so the agent can tell its own version. */
    private void definePackageOf(String className) {
        int dot = className.lastIndexOf('.');
        if (dot < 0) {
            return;
        }
        String name = className.substring(0, dot);
        if (getDefinedPackage(name) == null) {
            Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
            try {
                definePackage(name, null, null, null, main.getValue(Attributes.Name.IMPLEMENTATION_TITLE),
                        main.getValue(Attributes.Name.IMPLEMENTATION_VERSION), null, null);
            } catch (IllegalArgumentException e) {
                // defined meanwhile by another thread
            }
        }
    }

    /** {@code a/B.class} is read from {@code inst/a/B.classdata}, any other resource from {@code inst/}. */
    @Override
    protected URL findResource(String name) {
        String stored = FOLDER + (name.endsWith(".class")
                ? name.substring(0, name.length() - ".class".length()) + CLASS_SUFFIX
                : name);
        if (jar.getJarEntry(stored) == null) {
            return null;
        }
        try {
            return new URL("jar:" + jarUrl + "!/" + stored);
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL url = findResource(name);
        return url == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(url));
    }
}
