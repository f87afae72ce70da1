package casebird.harness.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Finds the plugin ZIP and gives each host a private folder holding only a copy of it. */
final class PluginFolder {

    /** The system property naming the folder that holds the plugin ZIP. */
    static final String PROPERTY = "casebird.plugins";

    private PluginFolder() {}

    /** The plugin ZIP named by the system property, else the one beside the harness jar. */
    static Path findPluginZip() {
        String configured = System.getProperty(PROPERTY);
        Path folder = configured != null ? Path.of(configured) : besideJar();
        return singleZipIn(folder, configured != null
                ? "system property " + PROPERTY : "the folder beside the harness jar");
    }

    /** The one ZIP in a folder; {@code origin} says how the folder was chosen. */
    static Path singleZipIn(Path folder, String origin) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("no plugin folder at " + folder + " (" + origin + ")");
        }
        List<Path> zips;
        try (Stream<Path> files = Files.list(folder)) {
            zips = files.filter(f -> f.getFileName().toString().endsWith(".zip")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugin folder " + folder, e);
        }
        if (zips.size() != 1) {
            throw new IllegalStateException("expected exactly one plugin ZIP in " + folder
                    + " (" + origin + "), found " + zips.size() + ": " + zips);
        }
        return zips.get(0);
    }

    /** A fresh temporary folder holding only a copy of the ZIP, for PF4J to unpack it in. */
    static Path privateCopy(Path zip) {
        try {
            Path folder = Files.createTempDirectory("casebird-plugins");
            Files.copy(zip, folder.resolve(zip.getFileName()));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy plugin ZIP " + zip, e);
        }
    }

    /** Deletes a folder and everything in it. */
    static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }

    private static Path besideJar() {
        try {
            Path code = Path.of(SimulatedHost.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
            return code.toAbsolutePath().getParent().resolve("plugins");
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where the harness jar is", e);
        }
    }
}
