package casebird.harness.host;

import casebird.harness.host.fixture.FixtureAction;
import casebird.harness.host.fixture.FixturePlugin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a PF4J plugin ZIP holding the fixture plugin's compiled classes, so that PF4J
 * loads them with the plugin's own class loader rather than the test class path's.
 */
final class FixturePluginZip {

    static final String PLUGIN_ID = "fixture-plugin";

    private FixturePluginZip() {}

    /** Writes the ZIP into {@code folder}, requiring the given host version range. */
    static Path write(Path folder, String requires) throws IOException {
        Path zip = folder.resolve(PLUGIN_ID + ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(out, "plugin.properties", String.join("\n",
                    "plugin.id=" + PLUGIN_ID,
                    "plugin.class=" + FixturePlugin.class.getName(),
                    "plugin.version=1.0.0",
                    "plugin.requires=" + requires,
                    "plugin.provider=casebird tests", ""));
            put(out, "classes/META-INF/extensions.idx", FixtureAction.class.getName() + "\n");
            putClass(out, FixturePlugin.class);
            putClass(out, FixtureAction.class);
        }
        return zip;
    }

    private static void put(ZipOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    private static void putClass(ZipOutputStream out, Class<?> type) throws IOException {
        String resource = type.getName().replace('.', '/') + ".class";
        out.putNextEntry(new ZipEntry("classes/" + resource));
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
            in.transferTo(out);
        }
        out.closeEntry();
    }
}
