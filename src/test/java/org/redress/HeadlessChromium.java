package org.redress;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's chromium, driven through Debian's chromedriver, for the browser tests — never a browser
 * or driver downloaded at run time (Selenium Manager is bypassed). A missing package fails the test
 * with the command that installs it.
 */
public final class HeadlessChromium implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final WebDriver browser;
  private final Path profile;

  private HeadlessChromium(WebDriver browser, Path profile) {
    this.browser = browser;
    this.profile = profile;
  }

  /** @param windowSize e.g. "1400,1000", or "420,900" for a phone-sized window */
  public static HeadlessChromium start(String windowSize) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      fail("Browser tests need Debian's chromium (" + CHROMIUM + ") and chromedriver (" + CHROMEDRIVER
          + "): apt-get install chromium chromium-driver");
    }
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    try {
      Path profile = Files.createTempDirectory("redress-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      // no background traffic: this machine's network is closed
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
          "--disable-sync", "--window-size=" + windowSize, "--user-data-dir=" + profile);
      // the page's console, so a test can tell that a page ran without script errors
      LoggingPreferences logs = new LoggingPreferences();
      logs.enable(LogType.BROWSER, Level.ALL);
      options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
      return new HeadlessChromium(new ChromeDriver(service, options), profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public WebDriver browser() {
    return browser;
  }

  @Override
  public void close() {
    browser.quit();
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
