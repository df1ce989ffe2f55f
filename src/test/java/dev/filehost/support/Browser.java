package dev.filehost.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its chromium-driver; nothing is downloaded. Controls are
 * found as a screen reader finds them: by their role and accessible name, as the browser computes them.
 */
public final class Browser implements AutoCloseable {
    public static final Dimension DESKTOP = new Dimension(1280, 900);
    public static final Dimension PHONE = new Dimension(390, 844);
    private static final Duration FIND_TIMEOUT = Duration.ofSeconds(10);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Which elements may have each role; the browser's computed role and name then decide. */
    private static final Map<String, String> CANDIDATES = Map.of(
            "button", "button, input[type=submit], summary, [role=button]",
            "link", "a[href]",
            "textbox", "input:not([type]), input[type=text], input[type=email], input[type=password], input[type=url], "
                    + "textarea",
            "searchbox", "input[type=search]",
            "spinbutton", "input[type=number]",
            "checkbox", "input[type=checkbox]",
            "combobox", "select",
            "tab", "[role=tab]",
            "heading", "h1, h2, h3");

    private final ChromeDriver driver;
    private final String base;

    public Browser(String base) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().window().setSize(DESKTOP);
        this.base = base;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    /** The page's visible text; empty while a new page replaces the old one. */
    public String text() {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (StaleElementReferenceException | NoSuchElementException pageChanging) {
            return "";
        } catch (WebDriverException e) {
            // Chromedriver's word for a body that the next page replaced while it was being read.
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return "";
            }
            throw e;
        }
    }

    /** The one visible control with this role and accessible name, waited for while the page loads. */
    public WebElement find(String role, String name) {
        long deadline = System.nanoTime() + FIND_TIMEOUT.toNanos();
        List<WebElement> found = all(role, name);
        while (found.size() != 1 && System.nanoTime() < deadline) {
            pause();
            found = all(role, name);
        }
        if (found.size() != 1) {
            throw new NoSuchElementException(found.size() + " controls of role " + role + " named '" + name + "' on "
                    + path());
        }
        return found.get(0);
    }

    public List<WebElement> all(String role, String name) {
        try {
            return driver.findElements(By.cssSelector(CANDIDATES.get(role))).stream()
                    .filter(e -> e.isDisplayed() || "checkbox".equals(role))
                    .filter(e -> hasRole(e, role) && name.equals(e.getAccessibleName().strip()))
                    .toList();
        } catch (StaleElementReferenceException pageChanged) {
            return List.of();
        }
    }

    /** Chromium gives a summary (a details element's toggle) the role DisclosureTriangle; people meet it as a button. */
    private static boolean hasRole(WebElement element, String role) {
        String computed = element.getAriaRole();
        return role.equals(computed) || role.equals("button") && "DisclosureTriangle".equalsIgnoreCase(computed);
    }

    public void fill(String role, String name, String value) {
        WebElement field = find(role, name);
        field.clear();
        field.sendKeys(value);
    }

    /** Clicks a control that stays on the page (a checkbox, a disclosure). */
    public void click(String role, String name) {
        find(role, name).click();
    }

    /** Clicks a link or submit button, and waits until the next page has loaded. */
    public void go(String role, String name) {
        WebElement control = find(role, name);
        script("window.filehostOldPage = true;");
        control.click();
        long deadline = System.nanoTime() + FIND_TIMEOUT.toNanos();
        while (!Boolean.TRUE.equals(script("return !window.filehostOldPage && document.readyState === 'complete';"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No new page after clicking " + role + " '" + name + "' on " + path());
            }
            pause();
        }
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits until the page's text shows {@code text}. */
    public void waitForText(String text, Duration timeout) {
        waitFor(timeout, "'" + text + "' to appear", page -> page.contains(text));
    }

    /** Waits until the page's text no longer shows {@code text}, e.g. after a script changed the page. */
    public void waitForTextGone(String text, Duration timeout) {
        waitFor(timeout, "'" + text + "' to go", page -> !page.contains(text));
    }

    /** Waits until {@code done} holds, e.g. a script's answer about the page. */
    public void waitUntil(Duration timeout, String what, java.util.function.BooleanSupplier done) {
        waitFor(timeout, what, page -> done.getAsBoolean());
    }

    private void waitFor(Duration timeout, String what, Predicate<String> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String page = text(); page.isEmpty() || !done.test(page); page = text()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited in vain for " + what + " on " + path() + ":\n" + text());
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Saves the page at desktop and phone width under target/screenshots, then goes back to desktop width. */
    public void screenshots(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            for (Map.Entry<String, Dimension> size : Map.of("desktop", DESKTOP, "phone", PHONE).entrySet()) {
                driver.manage().window().setSize(size.getValue());
                Files.write(SCREENSHOTS.resolve(name + "-" + size.getKey() + ".png"),
                        driver.getScreenshotAs(OutputType.BYTES));
            }
            driver.manage().window().setSize(DESKTOP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
