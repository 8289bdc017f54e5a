package io.callisto.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web app in Debian's headless Chromium, driven by Playwright (tenant-admin/web/e2e/auth-flow.mjs)
 * against the assembled application: sign-up, the admin shell, logout, login, logout. The screenshot
 * lands in infra/dist/target/e2e/.
 */
class WebAppBrowserIT {
    private static final Path WEB = Path.of(System.getProperty("callisto.root", "../.."), "tenant-admin", "web");
    private static RunningCallisto app;

    @BeforeAll
    static void start() {
        app = RunningCallisto.start(RunningCallisto.Database.H2);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void signUpLoginAndLogoutInARealBrowser() throws IOException, InterruptedException {
        assertThat(Path.of("/usr/bin/chromium")).as("Debian's chromium (the test command installs it)").exists();
        assertThat(WEB.resolve("node_modules/playwright-core")).as("the web module's npm ci ran").exists();
        Path screenshots = Path.of("target", "e2e").toAbsolutePath();
        Files.createDirectories(screenshots);
        Path log = screenshots.resolve("auth-flow.log");
        ProcessBuilder node = new ProcessBuilder("node", "e2e/auth-flow.mjs")
                .directory(WEB.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        node.environment().put("BASE_URL", app.client().base());
        node.environment().put("SCREENSHOT_DIR", screenshots.toString());
        Process process = node.start();
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(finished).as("the browser flow finished in time:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("the browser flow passed:%n%s", output).isZero();
        assertThat(screenshots.resolve("admin-shell.png")).isNotEmptyFile();
    }
}
