package io.cxkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cxkit.report.Chart;
import io.cxkit.report.HtmlReport;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the demo page and every chart's standalone SVG in a real headless Chromium
 * ({@code --screenshot}) and checks that each image is not blank and that the page made no network
 * request (Chromium's net log of the page load holds no URL request).
 *
 * <p>The browser is {@code $CX_BROWSER}, else {@code chromium-headless-shell}, {@code chromium} or
 * {@code chromium-browser} on the {@code PATH}. Without one the test is skipped with a message,
 * unless {@code CX_REQUIRE_BROWSER=1} (set by {@code .ci/run}), where it fails. The screenshots stay
 * in {@code cx-cli/target/browser/} for people to look at.
 */
class HtmlBrowserTest {
    static final String REQUIRE = "CX_REQUIRE_BROWSER";
    private static final Pattern SIZE = Pattern.compile("<svg [^>]*width=\"(\\d+)\" height=\"(\\d+)\"");

    @TempDir
    Path dir;

    @Test
    void theDemoPageAndEveryChartRenderInARealBrowser() throws Exception {
        String browser = browser();
        if (browser == null) {
            String msg = "no headless browser: set CX_BROWSER or install chromium-headless-shell (apt-get install"
                    + " chromium-headless-shell)";
            if ("1".equals(System.getenv(REQUIRE))) {
                fail(msg + "; " + REQUIRE + "=1 requires the browser test to run");
            }
            Assumptions.abort(msg + "; skipping the browser test (" + REQUIRE + "=1 makes this a failure)");
        }
        Path out = Path.of("target", "browser").toAbsolutePath();
        Files.createDirectories(out);
        HtmlReport page = DemoPage.of(Demo.run(new SampleCompany(8_000, 1_600, 2026), dir.resolve("data")));
        Path html = out.resolve("demo.html");
        page.write(html);

        Path netLog = out.resolve("demo-netlog.json");
        Files.deleteIfExists(netLog);
        Path shot = out.resolve("demo.png");
        screenshot(browser, html, shot, 1000, 2400, netLog);
        assertNonBlank(shot, 1000, 2400);
        // The whole page, tall enough for every chart.
        Path full = out.resolve("demo-full.png");
        screenshot(browser, html, full, 1000, 16_000, null);
        assertNonBlank(full, 1000, 16_000);

        String log = Files.readString(netLog);
        assertTrue(log.contains("\"constants\""), "the browser wrote its net log");
        Matcher url = Pattern.compile("\"url\":\"([^\"]*)\"").matcher(log);
        List<String> requests = new ArrayList<>();
        while (url.find()) {
            requests.add(url.group(1));
        }
        assertEquals(List.of(), requests, "the page must not load anything");

        List<Path> svgs = page.writeSvgs(out.resolve("svg"));
        assertEquals(page.charts().size(), svgs.size());
        for (int i = 0; i < svgs.size(); i++) {
            Chart c = page.charts().get(i);
            Matcher m = SIZE.matcher(c.svg());
            assertTrue(m.find(), c.id());
            int w = Integer.parseInt(m.group(1));
            int h = Integer.parseInt(m.group(2));
            Path png = out.resolve("svg").resolve(c.id() + ".png");
            screenshot(browser, svgs.get(i), png, w, h, null);
            assertNonBlank(png, w, h);
        }
    }

    /** The browser to use, or null. */
    static String browser() {
        String env = System.getenv("CX_BROWSER");
        if (env != null && !env.isBlank()) {
            return env;
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String name : List.of("chromium-headless-shell", "chromium", "chromium-browser")) {
            for (String d : path.split(File.pathSeparator)) {
                Path p = Path.of(d, name);
                if (Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        return null;
    }

    static void screenshot(String browser, Path file, Path png, int width, int height, Path netLog)
            throws IOException, InterruptedException {
        Files.deleteIfExists(png);
        List<String> cmd = new ArrayList<>(List.of(browser, "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--no-first-run", "--no-default-browser-check",
                // Any name lookup fails: a request would show in the net log and never reach the network.
                "--host-resolver-rules=MAP * ~NOTFOUND", "--window-size=" + width + "," + height,
                "--screenshot=" + png));
        if (netLog != null) {
            cmd.add("--log-net-log=" + netLog);
        }
        cmd.add(file.toUri().toString());
        Path log = png.resolveSibling(png.getFileName() + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the browser did not finish within 120 s: " + cmd);
        }
        assertEquals(0, p.exitValue(), () -> "browser failed: " + cmd + "\n" + read(log));
        assertTrue(Files.size(png) > 0, () -> "no screenshot " + png + ": " + read(log));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** At least 1% of the pixels are not white, there are several colours, and the chart blue is among them. */
    static void assertNonBlank(Path png, int width, int height) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(width, img.getWidth(), png.toString());
        assertEquals(height, img.getHeight(), png.toString());
        long ink = 0;
        Set<Integer> colours = new HashSet<>();
        boolean blue = false;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                if (rgb != 0xFFFFFF) {
                    ink++;
                }
                if (colours.size() < 1000) {
                    colours.add(rgb);
                }
                int r = rgb >> 16;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                blue |= Math.abs(r - 0x00) < 24 && Math.abs(g - 0x72) < 24 && Math.abs(b - 0xB2) < 24;
            }
        }
        double share = (double) ink / ((long) width * height);
        assertTrue(share > 0.01, png + " is blank: " + share + " of the pixels are not white");
        assertTrue(colours.size() > 8, png + " has only " + colours.size() + " colours");
        assertTrue(blue, png + " shows none of the charts' Okabe-Ito blue #0072B2");
        assertFalse(share > 0.95, png + " is nearly all ink: " + share);
    }
}
