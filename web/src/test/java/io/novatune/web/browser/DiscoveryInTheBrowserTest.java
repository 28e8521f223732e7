package io.novatune.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A DJ's tracklists in headless Chromium, against the real discovery-service behind the web app. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DiscoveryInTheBrowserTest {

    private static final String PASTED = String.join("\n",
            "01. [00:00] Bicep - Glue",
            "02. [04:30] Fred again.. - Delilah (pull me out of this) (Four Tet Remix)",
            "thanks for listening!!!",
            "03. [09:10] Overmono - So U Kno");
    private static final String CUE_SHEET = String.join("\n",
            "PERFORMER \"DJ Test\"",
            "TITLE \"Sunrise Set\"",
            "FILE \"mix.mp3\" MP3",
            "  TRACK 01 AUDIO",
            "    TITLE \"Glue\"",
            "    PERFORMER \"Bicep\"",
            "    INDEX 01 00:00:00",
            "  TRACK 02 AUDIO",
            "    TITLE \"So U Kno\"",
            "    PERFORMER \"Overmono\"",
            "    INDEX 01 05:10:00", "");

    /** Two tracks the recorded MusicBrainz has, and one no database has. */
    private static final String IDENTIFIABLE = String.join("\n",
            "1. Bicep - Apricots",
            "2. Hot Chip - Flutes",
            "3. Nobody Knows - A Track Nobody Pressed");

    private Servers servers;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    void start() {
        servers = Servers.get();
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @AfterEach
    void screenshot(TestInfo test) {
        Browser.screenshot(driver, "discovery-" + test.getTestMethod().orElseThrow().getName());
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    @Order(1)
    void a_signed_in_person_finds_an_empty_discovery_view_that_says_what_to_do() {
        driver.get(servers.webUrl().toString());
        WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-user")));
        user.clear();
        user.sendKeys("browser-dj");
        driver.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href='#/discovery']"))).click();
        WebElement empty = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tracklists-empty")));
        assertThat(empty.getText()).contains("Paste one above");
        assertThat(driver.findElement(By.cssSelector("a[href='#/discovery']")).getDomAttribute("aria-current")).isEqualTo("page");
    }

    @Test
    @Order(2)
    void a_pasted_tracklist_shows_its_parsed_entries_and_the_lines_it_could_not_read() {
        driver.findElement(By.id("import-title")).sendKeys("Friday warm-up");
        driver.findElement(By.id("import-dj")).sendKeys("DJ Browser");
        driver.findElement(By.id("import-text")).sendKeys(PASTED);
        driver.findElement(By.cssSelector("#import-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textMatches(By.id("import-status"),
                java.util.regex.Pattern.compile("Imported “Friday warm-up”: 3 entries, 1 line not understood\\.")));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#entries tr"), 3));
        assertThat(driver.findElement(By.id("entries")).getText()).contains("Bicep", "Glue", "Four Tet Remix", "Overmono");
        assertThat(driver.findElement(By.id("unparsed")).getText()).contains("line 3", "thanks for listening!!!");
        assertThat(driver.findElement(By.id("tracklists")).getText()).contains("Friday warm-up", "DJ Browser", "3 entries");
    }

    @Test
    @Order(3)
    void correcting_an_entry_saves_it_and_a_wrong_cue_time_is_explained_at_its_field() {
        driver.findElement(By.cssSelector("button[aria-label='Edit entry 2']")).click();
        WebElement cue = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("entry-cue")));
        cue.clear();
        cue.sendKeys("four thirty");
        driver.findElement(By.cssSelector("#entry-form button[type=submit]")).click();
        WebElement note = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("entry-cue-error")));
        assertThat(note.getText()).isEqualTo("cueTime: must be m:ss or h:mm:ss");
        assertThat(driver.findElement(By.id("errors")).getText()).doesNotContain("{");
        cue = driver.findElement(By.id("entry-cue"));
        cue.clear();
        cue.sendKeys("4:31");
        WebElement remix = driver.findElement(By.id("entry-remix"));
        remix.clear();
        remix.sendKeys("Four Tet Edit");
        driver.findElement(By.cssSelector("#entry-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "Saved entry 2."));
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#entries tr[data-position='2']")));
        assertThat(row.getText()).contains("Four Tet Edit", "4:31");
    }

    @Test
    @Order(4)
    void a_dropped_cue_sheet_is_imported_and_exported_again_as_cue() {
        driver.executeScript("const dt = new DataTransfer();"
                + "dt.items.add(new File([arguments[0]], 'sunrise-set.cue', {type: 'text/plain'}));"
                + "document.getElementById('drop-zone').dispatchEvent("
                + "new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));", CUE_SHEET);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-file-name"), "sunrise-set.cue"));
        assertThat(driver.findElement(By.id("import-title")).getDomProperty("value")).isEqualTo("sunrise-set");
        driver.findElement(By.cssSelector("#import-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-status"), "2 entries, 0 lines not understood"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#entries tr"), 2));
        assertThat(driver.findElement(By.id("unparsed-section")).isDisplayed()).isFalse();
        driver.findElement(By.id("export-cue")).click();
        wait.until(ExpectedConditions.attributeContains(By.id("cue-download"), "href", "blob:"));
        Object cue = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(document.getElementById('cue-download').href).then(r => r.text()).then(done, e => done('failed: ' + e));");
        assertThat((String) cue).contains("TRACK 01 AUDIO", "PERFORMER \"Bicep\"", "TITLE \"So U Kno\"");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#tracklists li"), 2));
    }

    @Test
    @Order(5)
    void identifying_a_tracklist_shows_the_job_progress_until_every_entry_has_an_answer() {
        driver.findElement(By.id("import-title")).sendKeys("Identify me");
        driver.findElement(By.id("import-text")).sendKeys(IDENTIFIABLE);
        driver.findElement(By.cssSelector("#import-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-status"), "Imported “Identify me”: 3 entries"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("identify-start"))).click();

        new WebDriverWait(driver, Duration.ofSeconds(90)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("identification-status"), "Identification finished: 3 of 3 entries looked up"));
        assertThat(driver.findElement(By.id("identification-status")).getText()).contains("2 identified", "1 not found");
        WebElement progress = driver.findElement(By.id("identification-progress"));
        assertThat(progress.getDomProperty("value")).isEqualTo("3");
        assertThat(progress.getDomProperty("max")).isEqualTo("3");
        assertThat(driver.findElement(By.cssSelector("#identification-results tr[data-position='1']")).getDomAttribute("data-state"))
                .isEqualTo("IDENTIFIED");
        assertThat(driver.findElement(By.cssSelector("#identification-results tr[data-position='2']")).getText())
                .contains("Hot Chip – Flutes", "identified");
        assertThat(driver.findElement(By.cssSelector("#identification-results tr[data-position='3']")).getDomAttribute("data-state"))
                .isEqualTo("FAILED");
        assertThat(driver.findElement(By.id("identify-start")).getText()).isEqualTo("Identify again");
    }

    @Test
    @Order(6)
    void the_identified_tracks_of_a_tracklist_go_onto_the_want_list_where_their_status_changes_and_which_exports_as_csv() {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("identify-want"))).click();
        wait.until(browser -> browser.findElement(By.id("toasts")).getText().contains("Want-list:")
                || !browser.findElement(By.id("errors")).getText().isBlank());
        assertThat(driver.findElement(By.id("errors")).getText()).isEmpty();
        assertThat(driver.findElement(By.id("toasts")).getText()).contains("Want-list: 2 added, 0 already there.");
        driver.findElement(By.cssSelector("a[href='#/want-list']")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#want-entries tr"), 2));
        assertThat(driver.findElement(By.id("want-entries")).getText()).contains("Bicep – Apricots", "Hot Chip – Flutes");

        new org.openqa.selenium.support.ui.Select(driver.findElement(By.cssSelector("select[aria-label='Status of Hot Chip – Flutes']")))
                .selectByVisibleText("purchased");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "Saved “Hot Chip – Flutes”."));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#want-entries tr[data-status='purchased']"), 1));

        driver.findElement(By.cssSelector("#want-exports button[data-format='csv']")).click();
        wait.until(ExpectedConditions.attributeContains(By.id("want-download"), "href", "blob:"));
        assertThat(driver.findElement(By.id("want-download")).getDomAttribute("download")).startsWith("novatune-want-list-").endsWith(".csv");
        Object csv = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(document.getElementById('want-download').href).then(r => r.text()).then(done, e => done('failed: ' + e));");
        assertThat(((String) csv).lines().toList()).hasSize(3)
                .first().asString().startsWith("artist,title");
        assertThat((String) csv).contains("Bicep,Apricots", "Hot Chip,Flutes", "purchased");
    }

    @Test
    @Order(7)
    void the_catalog_shows_a_track_with_its_mix_and_where_to_buy_it_and_raises_its_priority_on_the_want_list() {
        driver.findElement(By.cssSelector("a[href='#/catalog']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("catalog-tracks"), "Bicep – Apricots"));
        assertThat(driver.findElement(By.id("catalog-tracks")).getText()).contains("Hot Chip – Flutes", "1 mix");
        driver.findElement(By.xpath("//ul[@id='catalog-tracks']//button[text()='Bicep – Apricots']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("catalog-details-title"), "Bicep – Apricots"));
        assertThat(driver.findElement(By.id("catalog-mixes")).getText()).contains("Identify me", "#1");
        assertThat(driver.findElements(By.cssSelector("#catalog-links a"))).extracting(link -> link.getDomAttribute("href"))
                .isNotEmpty().allSatisfy(href -> assertThat(href).startsWith("https://"));
        assertThat(driver.findElement(By.id("catalog-links")).getText()).contains("Beatport", "Bandcamp", "Apple Music", "Discogs");

        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("want-priority"))).selectByVisibleText("5");
        driver.findElement(By.cssSelector("#want-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"),
                "“Bicep – Apricots” is already on the want-list (priority 5)."));
    }

    @Test
    @Order(8)
    void the_statistics_count_the_discoveries_and_the_purchase_conversion_and_chart_them() {
        driver.findElement(By.cssSelector("a[href='#/statistics']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("stats-tracks"), "2"));
        assertThat(driver.findElement(By.id("stats-artists")).getText()).isEqualTo("2");
        assertThat(driver.findElement(By.id("stats-conversion")).getText()).isEqualTo("50 %");
        assertThat(driver.findElement(By.id("stats-conversion-detail")).getText()).isEqualTo("1 of 2 want-list entries purchased.");
        WebElement weekly = driver.findElement(By.cssSelector("#chart-weekly svg"));
        assertThat(weekly.getDomAttribute("aria-label")).startsWith("Discoveries per week:");
        assertThat(driver.findElements(By.cssSelector("#chart-weekly g")))
                .anySatisfy(bar -> assertThat(bar.getDomAttribute("data-value")).isEqualTo("2"));
        assertThat(driver.findElement(By.cssSelector("#chart-artists svg")).getDomAttribute("aria-label")).contains("Bicep 1", "Hot Chip 1");
    }
}
