package io.github.camelkusto.export.karaf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Apache Karaf 4.4 unpacked from Maven (profile karaf-it) boots the feature camel-kusto-export from this build's
 * features.xml with the Camel Karaf features, then a Blueprint route that exports a query to a local folder. The
 * Maven repositories Karaf may use are this build's artifacts and the local repository; Maven Central only when
 * Maven itself runs online (never with -o).
 */
class KarafFeatureIT {

    private static final Duration DEADLINE = Duration.ofMinutes(8);

    private final Path karafHome = Path.of(System.getProperty("karaf.home"));
    private final Path work = Path.of(System.getProperty("karaf.it.dir"));
    private final Path repository = Path.of(System.getProperty("karaf.it.repository"));
    private final String localRepository = System.getProperty("maven.localRepository");
    private final boolean offline = Boolean.getBoolean("maven.offline");
    private Process karaf;

    @Test
    void featureInstallsAndABlueprintRouteExportsToALocalFolder() throws Exception {
        Path exports = Files.createDirectories(work.resolve("exports"));
        clean(exports);
        Path route = write(work.resolve("kusto-export-route.xml"), """
                <blueprint xmlns="http://www.osgi.org/xmlns/blueprint/v1.0.0">
                  <camelContext id="kusto-export-it" xmlns="http://camel.apache.org/schema/blueprint">
                    <route id="karaf-export">
                      <from uri="timer:export?repeatCount=1"/>
                      <to uri="kusto-export:csv?storage=%s&amp;includeHeaders=all&amp;namePrefix=karaf&amp;query=RAW(datatable(Name:string, Value:long)['a', 1, 'b', 2])"/>
                      <log message="exported: ${body}"/>
                    </route>
                  </camelContext>
                </blueprint>
                """.formatted(exports.toAbsolutePath()));
        // The route is a bundle of a test feature, so it starts only once camel-kusto-export is installed; its
        // blueprint: URL needs the blueprint deployer first (aries-blueprint as a prerequisite).
        Path itFeatures = write(work.resolve("it-features.xml"), """
                <features name="kusto-export-it" xmlns="http://karaf.apache.org/xmlns/features/v1.6.0">
                  <repository>mvn:io.github.camelkusto/camel-kusto-export-karaf/%s/xml/features</repository>
                  <feature name="kusto-export-it" version="1">
                    <feature prerequisite="true">aries-blueprint</feature>
                    <feature>camel-blueprint</feature>
                    <feature>camel-kusto-export</feature>
                    <bundle start-level="90">blueprint:%s</bundle>
                  </feature>
                </features>
                """.formatted(System.getProperty("project.version"), route.toUri()));
        publishThisModule();
        configureKaraf(itFeatures);

        karaf = new ProcessBuilder(karafHome.resolve("bin/karaf").toString(), "server")
                .directory(karafHome.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("karaf.out").toFile())
                .start();

        List<Path> artifacts = awaitArtifacts(exports);
        assertThat(artifacts).singleElement()
                .satisfies(p -> assertThat(p.getFileName().toString()).matches("karaf_1_[0-9a-f]{32}\\.csv"));
        assertThat(Files.readAllLines(artifacts.get(0))).containsExactly("Name,Value", "a,1", "b,2");
    }

    @AfterEach
    void stopKaraf() throws InterruptedException {
        if (karaf != null) {
            karaf.descendants().forEach(ProcessHandle::destroy);
            karaf.destroy();
            karaf.waitFor();
        }
    }

    /** This module's bundle and features.xml, where mvn:io.github.camelkusto/camel-kusto-export-karaf/... finds them. */
    private void publishThisModule() throws IOException {
        String version = System.getProperty("project.version");
        Path folder = Files.createDirectories(
                repository.resolve("io/github/camelkusto/camel-kusto-export-karaf").resolve(version));
        String base = "camel-kusto-export-karaf-" + version;
        Files.copy(Path.of(System.getProperty("karaf.it.bundle")), folder.resolve(base + ".jar"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of(System.getProperty("karaf.it.features")), folder.resolve(base + "-features.xml"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private void configureKaraf(Path itFeatures) throws IOException {
        deleteRecursively(karafHome.resolve("data"));
        String repositories = repository.toUri() + "@id=kusto-export@snapshots"
                + (offline ? "" : ", https://repo1.maven.org/maven2@id=central");
        edit("etc/org.ops4j.pax.url.mvn.cfg", cfg -> cfg.replaceAll(
                "(?m)^org\\.ops4j\\.pax\\.url\\.mvn\\.repositories=(.*\\\\\\n)*.*\\n",
                "org.ops4j.pax.url.mvn.repositories=" + repositories + "\n")
                + "\norg.ops4j.pax.url.mvn.localRepository=" + localRepository + "\n");
        // Karaf's own boot features first (the deployer brings the blueprint: URL), then the test feature. No ssh
        // or JMX ports: nothing here needs them and another build may hold them.
        edit("etc/org.apache.karaf.features.cfg", cfg -> appendToList(cfg, "featuresRepositories", itFeatures.toUri().toString())
                .replace("featuresBoot = \\\n    instance/", "featuresBoot = \\\n    (instance/")
                .replaceAll("(?m)^    (ssh|management)/[^,]*, \\\\\\n", "")
                .replaceAll("(?m)^(    kar/[^ \\n]*)\\n", "$1), \\\\\n    kusto-export-it\n"));
    }

    /** Appends an item to a comma-separated property continued over lines with a backslash. */
    private static String appendToList(String cfg, String key, String item) {
        List<String> lines = new java.util.ArrayList<>(cfg.lines().toList());
        int i = 0;
        while (!lines.get(i).startsWith(key + " =")) {
            i++;
        }
        while (lines.get(i).endsWith("\\")) {
            i++;
        }
        lines.set(i, lines.get(i) + ", \\");
        lines.add(i + 1, "    " + item);
        return String.join("\n", lines) + "\n";
    }

    /** Edits a Karaf config file from its pristine copy, so a second run starts from the distribution's. */
    private void edit(String file, java.util.function.UnaryOperator<String> change) throws IOException {
        Path path = karafHome.resolve(file);
        Path pristine = path.resolveSibling(path.getFileName() + ".dist");
        if (!Files.exists(pristine)) {
            Files.copy(path, pristine);
        }
        Files.writeString(path, change.apply(Files.readString(pristine)));
    }

    private List<Path> awaitArtifacts(Path exports) throws Exception {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            List<Path> files = list(exports);
            if (!files.isEmpty()) {
                return files;
            }
            Path log = karafHome.resolve("data/log/karaf.log");
            if (Files.exists(log) && Files.readString(log).contains("Error installing boot features")) {
                fail("Karaf could not install the features; karaf.log ends:\n" + tail(log));
            }
            if (!karaf.isAlive()) {
                fail("Karaf exited (" + karaf.exitValue() + "):\n" + tail(work.resolve("karaf.out")));
            }
            Thread.sleep(1000);
        }
        return fail("no artifact in " + DEADLINE + "; karaf.log ends:\n" + tail(karafHome.resolve("data/log/karaf.log")));
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "(no " + file + ")";
        }
        List<String> lines = Files.readAllLines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> !p.getFileName().toString().endsWith(".part")).toList();
        }
    }

    private static void clean(Path folder) throws IOException {
        for (Path file : list(folder)) {
            Files.delete(file);
        }
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
