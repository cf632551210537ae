package care.tandem.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Tandem's version, from the build (a filtered resource), for {@code tandem --version}. */
public final class TandemVersion implements IVersionProvider {

    /** The version string, such as "0.1.0". */
    public static String version() {
        try (InputStream in = TandemVersion.class.getResourceAsStream("/care/tandem/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Tandem " + version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
