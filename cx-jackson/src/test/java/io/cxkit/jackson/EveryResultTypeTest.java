package io.cxkit.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxkit.core.SegmentedResult;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Walks the public records of cx-core, cx-survey and cx-journey, subpackages included (the classes
 * on the classpath, not a list), and fails when one is not written by the module's own serializers.
 */
class EveryResultTypeTest {
    /** Scanned with their subpackages (funnel, paths, service, survival, value, ...). */
    private static final List<String> PACKAGES = List.of("io.cxkit.core", "io.cxkit.survey", "io.cxkit.journey");
    /**
     * Public records that are not results: ScoreSegments holds accumulators; ScoreRow.Field names a
     * column of the engines' output row.
     */
    private static final Set<String> NOT_RESULTS = Set.of("io.cxkit.survey.ScoreSegments",
            "io.cxkit.survey.ScoreRow$Field");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(CxJacksonModule.of(0.95));

    @Test
    void everyPublicRecordOfThePackagesIsListed() throws Exception {
        Set<String> found = new TreeSet<>();
        for (String pkg : PACKAGES) {
            for (Class<?> c : classesOf(pkg)) {
                if (c.isRecord() && Modifier.isPublic(c.getModifiers()) && !NOT_RESULTS.contains(c.getName())) {
                    found.add(c.getName());
                }
            }
        }
        assertTrue(found.size() > 60, "the scan found the packages' records: " + found);
        Set<String> listed = new TreeSet<>();
        for (Class<?> c : CxJacksonModule.resultTypes()) {
            listed.add(c.getName());
        }
        assertEquals(found, listed, "public records of " + PACKAGES + " vs the module's result types");
    }

    @Test
    void everyResultTypeHasTheModulesSerializerNotJacksonsDefault() throws Exception {
        List<Class<?>> types = new ArrayList<>(CxJacksonModule.resultTypes());
        types.add(SegmentedResult.class);
        for (Class<?> type : types) {
            JsonSerializer<Object> s = JSON.getSerializerProviderInstance().findValueSerializer(type);
            String owner = s.getClass().getName();
            assertTrue(owner.startsWith("io.cxkit.jackson."), type.getName() + " is written by " + owner);
        }
        JsonSerializer<Object> plain = new ObjectMapper().getSerializerProviderInstance()
                .findValueSerializer(io.cxkit.core.QuantileSummary.class);
        assertFalse(plain.getClass().getName().startsWith("io.cxkit."), "the check can fail: " + plain);
    }

    private static List<Class<?>> classesOf(String pkg) throws IOException, URISyntaxException,
            ClassNotFoundException {
        String dir = pkg.replace('.', '/');
        List<String> names = new ArrayList<>();
        Enumeration<URL> roots = EveryResultTypeTest.class.getClassLoader().getResources(dir);
        while (roots.hasMoreElements()) {
            URL url = roots.nextElement();
            if (url.getProtocol().equals("jar")) {
                JarURLConnection conn = (JarURLConnection) url.openConnection();
                try (JarFile jar = conn.getJarFile()) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                        String n = e.nextElement().getName();
                        if (n.startsWith(dir + "/")) {
                            names.add(n.substring(dir.length() + 1));
                        }
                    }
                }
            } else {
                Path root = Path.of(url.toURI());
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(Files::isRegularFile).forEach(f -> names.add(root.relativize(f).toString()
                            .replace(java.io.File.separatorChar, '/')));
                }
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String n : names) {
            if (n.endsWith(".class") && !n.endsWith("package-info.class")) {
                classes.add(Class.forName(pkg + "." + n.substring(0, n.length() - ".class".length()).replace('/', '.'),
                        false, EveryResultTypeTest.class.getClassLoader()));
            }
        }
        return classes;
    }
}
