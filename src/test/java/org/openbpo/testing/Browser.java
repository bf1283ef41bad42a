package org.openbpo.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

/**
 * A real headless Chromium driven by Selenium, for end-to-end tests of the UI. Register it as a
 * JUnit extension ({@code @RegisterExtension}): it starts on first use, and when a test fails it
 * leaves a screenshot and the page source in {@code target/screenshots} before it quits.
 * It only uses the Debian chromium and chromedriver, so Selenium Manager never downloads anything.
 */
public final class Browser implements AfterTestExecutionCallback, AfterEachCallback {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final int MIN_WINDOW_WIDTH = 500;
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final IntSupplier port;
    private final int width;
    private final int height;
    private ChromeDriver driver;
    private Path profile;

    /** {@code port} is asked for late, because Spring injects the server's port after the test is built. */
    public Browser(IntSupplier port) {
        this(port, 1280, 900);
    }

    private Browser(IntSupplier port, int width, int height) {
        this.port = port;
        this.width = width;
        this.height = height;
    }

    /** A window as wide as a phone held upright. */
    public static Browser phone(IntSupplier port) {
        return new Browser(port, 390, 844);
    }

    public WebDriver driver() {
        if (driver == null) {
            driver = start();
        }
        return driver;
    }

    private ChromeDriver start() {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        try {
            profile = Files.createTempDirectory("openbpo-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments(
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile.toAbsolutePath());
        if (width < MIN_WINDOW_WIDTH) {
            // Chromium will not make a window narrower than 500 pixels, so a phone's viewport is emulated
            options.setExperimentalOption("mobileEmulation",
                    Map.of("deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 1.0)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    public Browser open(String path) {
        driver().get("http://localhost:" + port.getAsInt() + path);
        return this;
    }

    public Browser logIn(String email, String password) {
        open("/login");
        type("#email", email);
        type("#password", password);
        return clickToLoad("#login-button");
    }

    public Browser type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
        return this;
    }

    public Browser click(String css) {
        find(css).click();
        return this;
    }

    /**
     * Clicks something that loads a new page (a form's submit button, a link) and waits until the
     * new page has loaded, so the next look at the page cannot find an element of the old one.
     * The old page is marked with a script variable that a new document does not have; asking
     * Chromium whether the old page's elements are stale instead races with the navigation (it can
     * answer with an inspector error while the old document is being torn down).
     */
    public Browser clickToLoad(String css) {
        JavascriptExecutor script = (JavascriptExecutor) driver();
        script.executeScript("window.openbpoLeftPage = true");
        find(css).click();
        await().ignoring(WebDriverException.class).until(browser -> script.executeScript(
                "return window.openbpoLeftPage === undefined && document.readyState === 'complete'"));
        return this;
    }

    /**
     * Chooses the client in the top bar's switcher (a form that posts), as a user does, and waits for
     * the page it leads back to. The switcher lists only the first clients; the tests share a database
     * with many, so a client beyond them is added to its list first. Null chooses all the user's clients.
     */
    public Browser switchClient(java.util.@org.jspecify.annotations.Nullable UUID clientId) {
        JavascriptExecutor script = (JavascriptExecutor) driver();
        find("#active-client");
        script.executeScript("window.openbpoLeftPage = true");
        script.executeScript("""
                const select = document.getElementById('active-client');
                if (![...select.options].some(option => option.value === arguments[0])) {
                    select.add(new Option(arguments[0], arguments[0]));
                }
                select.value = arguments[0];
                select.form.submit();""", clientId == null ? "" : clientId.toString());
        await().ignoring(WebDriverException.class).until(browser -> script.executeScript(
                "return window.openbpoLeftPage === undefined && document.readyState === 'complete'"));
        return this;
    }

    public Browser choose(String css, String visibleText) {
        new Select(find(css)).selectByVisibleText(visibleText);
        return this;
    }

    public WebElement find(String css) {
        return await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    public List<WebElement> findAll(String css) {
        return driver().findElements(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    /** Texts of all elements matching, for asserting on lists and menus. */
    public List<String> texts(String css) {
        return findAll(css).stream().map(WebElement::getText).toList();
    }

    public String path() {
        return URI.create(driver().getCurrentUrl()).getPath();
    }

    public String title() {
        return driver().getTitle();
    }

    /**
     * Waits up to ten seconds for a condition. An element that htmx replaced while the condition was
     * reading it (a polled fragment swapped in) only means the condition is read again.
     */
    public WebDriverWait await() {
        WebDriverWait wait = new WebDriverWait(driver(), Duration.ofSeconds(10));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Saves what the browser shows now as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves the whole page, not just what fits the window, as {@code target/screenshots/<name>.png}. */
    @SuppressWarnings("unchecked")
    public Path screenshotPage(String name) {
        try {
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                    "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0,
                            "width", ((Number) size.get("width")).doubleValue(),
                            "height", ((Number) size.get("height")).doubleValue(), "scale", 1)));
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws IOException {
        if (context.getExecutionException().isPresent() && driver != null) {
            String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
            screenshot(name);
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
            profile = null;
        }
    }
}
