package io.novatune.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One person's walk through the library, in headless Chromium against the real track-api behind the web app. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LibraryInTheBrowserTest {

    private static final String USER = "browser-user";
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TRACK_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private Servers servers;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private Path audioFile;

    @BeforeAll
    void start() throws IOException {
        servers = Servers.get();
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        audioFile = Files.createTempFile("novatune-tone-", ".wav");
        Files.write(audioFile, wav());
    }

    @AfterEach
    void screenshot(TestInfo test) {
        Browser.screenshot(driver, test.getTestMethod().orElseThrow().getName());
    }

    @AfterAll
    void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (audioFile != null) {
            Files.deleteIfExists(audioFile);
        }
    }

    @Test
    @Order(1)
    void a_person_signs_in_as_a_local_user_and_sees_an_empty_library_with_the_quota() {
        driver.get(servers.webUrl().toString());
        WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-user")));
        user.clear();
        user.sendKeys(USER);
        driver.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("view-library")));
        wait.until(ExpectedConditions.textMatches(By.id("quota"), Pattern.compile("Storage: .* used, 0 tracks")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tracks-empty")));
        assertThat((Object) driver.executeScript("return window.localStorage.length + window.sessionStorage.length"))
                .isEqualTo(0L);
    }

    @Test
    @Order(2)
    void uploading_a_file_shows_its_progress_and_then_the_track_in_the_library() {
        driver.findElement(By.cssSelector("#upload-panel summary")).click();
        driver.findElement(By.id("upload-file")).sendKeys(audioFile.toString());
        driver.findElement(By.id("upload-title")).sendKeys("Sine of the Times");
        driver.findElement(By.id("upload-artist")).sendKeys("Test Tones");
        driver.findElement(By.id("upload-genre")).sendKeys("ambient");
        driver.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.id("upload-status"), "Uploaded “Sine of the Times”."));
        assertThat(driver.findElement(By.id("upload-progress")).getDomProperty("value")).isEqualTo("100");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tracks"), "Sine of the Times — Test Tones"));
        wait.until(ExpectedConditions.textMatches(By.id("quota"), Pattern.compile("used, 1 track\\.")));
    }

    @Test
    @Order(3)
    void searching_as_you_type_narrows_the_library() {
        addCatalogTrack("Around the World", "Daft Punk");
        driver.navigate().refresh();
        signInAgain();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#tracks li"), 2));
        driver.findElement(By.id("search")).sendKeys("sine");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#tracks li"), 1));
        assertThat(driver.findElement(By.id("tracks")).getText()).contains("Sine of the Times");
        driver.findElement(By.id("search")).clear();
        driver.findElement(By.id("search")).sendKeys("zzz-nothing");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tracks-empty")));
        driver.findElement(By.id("search")).clear();
        driver.findElement(By.id("search")).sendKeys("Sine");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#tracks li"), 1));
    }

    @Test
    @Order(4)
    void editing_inline_saves_the_change_with_if_match() {
        openTrack("Sine of the Times");
        WebElement title = driver.findElement(By.id("edit-title"));
        title.clear();
        title.sendKeys("Sine of the Times (edit)");
        driver.findElement(By.cssSelector("#edit-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "Saved “Sine of the Times (edit)”."));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tracks"), "Sine of the Times (edit)"));
    }

    @Test
    @Order(5)
    void saving_over_a_concurrent_change_says_changed_elsewhere_and_reloads_it() throws Exception {
        openTrack("Sine of the Times (edit)");
        String id = driver.findElement(By.cssSelector("#tracks li")).getDomAttribute("data-track-id");
        HttpResponse<String> elsewhere = http.send(HttpRequest.newBuilder(servers.trackApiUrl().resolve("/api/v1/tracks/" + id))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"title\":\"Changed Elsewhere\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(elsewhere.statusCode()).isEqualTo(200);
        WebElement title = driver.findElement(By.id("edit-title"));
        title.clear();
        title.sendKeys("My stale edit");
        driver.findElement(By.cssSelector("#edit-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "changed elsewhere"));
        wait.until(ExpectedConditions.attributeToBe(By.id("edit-title"), "value", "Changed Elsewhere"));
    }

    @Test
    @Order(6)
    void playing_a_track_starts_the_audio_element_on_its_stream() {
        driver.findElement(By.id("play")).click();
        wait.until(driver -> Boolean.TRUE.equals(driver instanceof ChromeDriver chrome
                ? chrome.executeScript("const p = document.getElementById('player');"
                        + " return !p.paused && p.currentTime > 0 || p.ended;")
                : null));
    }

    @Test
    @Order(7)
    void deleting_schedules_the_deletion_and_undo_brings_the_track_back() {
        clearSearch();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#tracks li"), 2));
        openTrack("Changed Elsewhere");
        driver.findElement(By.id("delete")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "Deletion scheduled"));
        wait.until(ExpectedConditions.not(
                ExpectedConditions.textToBePresentInElementLocated(By.id("tracks"), "Changed Elsewhere")));
        driver.findElement(By.xpath("//div[@id='toasts']//button[text()='Undo']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "Restored “Changed Elsewhere”."));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tracks"), "Changed Elsewhere"));
    }

    @Test
    @Order(8)
    void a_deleted_track_waits_in_the_trash_with_a_countdown_and_can_be_restored() {
        openTrack("Changed Elsewhere");
        driver.findElement(By.id("delete")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "Deletion scheduled"));
        driver.findElement(By.cssSelector("a[href='#/trash']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("trash"), "Changed Elsewhere"));
        WebElement clock = driver.findElement(By.cssSelector("#trash .countdown"));
        wait.until(ExpectedConditions.textMatches(By.cssSelector("#trash .countdown"), Pattern.compile("deleted for good in .*s")));
        String first = clock.getText();
        wait.until(driver -> !driver.findElement(By.cssSelector("#trash .countdown")).getText().equals(first));
        Browser.screenshot(driver, "trash-countdown");
        driver.findElement(By.cssSelector("#trash button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("trash-empty")));
        driver.findElement(By.cssSelector("a[href='#/library']")).click();
        clearSearch();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tracks"), "Changed Elsewhere"));
    }

    @Test
    @Order(9)
    void an_invalid_edit_is_shown_as_a_readable_message_next_to_the_field() {
        openTrack("Changed Elsewhere");
        driver.executeScript("document.getElementById('edit-title').removeAttribute('required');");
        driver.findElement(By.id("edit-title")).clear();
        driver.findElement(By.cssSelector("#edit-form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#errors .toast")));
        assertThat(driver.findElement(By.id("errors")).getText()).isNotBlank().doesNotContain("{");
        WebElement note = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("edit-title-error")));
        assertThat(note.getText()).startsWith("title: ");
        assertThat(driver.findElement(By.id("edit-title")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElement(By.id("edit-title")).getDomAttribute("aria-describedby")).isEqualTo("edit-title-error");
        closeDetails();
    }

    @Test
    @Order(10)
    void a_provider_track_close_to_its_link_expiry_shows_its_archive_state_and_an_at_risk_badge() throws Exception {
        addProviderTrack(USER, "Generated Dawn", "Model Seven");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("filter-source"))).selectByVisibleText("PROVIDER");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tracks"), "Generated Dawn — Model Seven"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#tracks li"), 1));
        WebElement item = driver.findElement(By.cssSelector("#tracks li"));
        assertThat(item.findElement(By.cssSelector(".badge.archive")).getText()).isEqualTo("not archived yet");
        assertThat(item.findElement(By.cssSelector(".badge.risk")).getText()).isEqualTo("at risk");
        openTrack("Generated Dawn");
        assertThat(driver.findElement(By.id("details-archive")).getText()).contains("not archived yet", "link expires");
        Browser.screenshot(driver, "library-provider-at-risk");
        closeDetails();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("filter-source"))).selectByVisibleText("any");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#tracks li"), 3));
    }

    @Test
    @Order(11)
    void at_phone_width_the_library_stacks_and_stays_usable() {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            wait.until(ExpectedConditions.elementToBeClickable(By.id("search")));
            Object overflow = driver.executeScript("return document.documentElement.scrollWidth > window.innerWidth");
            assertThat(overflow).isEqualTo(false);
            Browser.screenshot(driver, "library-phone");
        } finally {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        }
    }

    /** A provider track (the local profile's stand-in provider) whose links expire in 20 hours: urgent, at risk. */
    private void addProviderTrack(String userId, String title, String artist) throws IOException, InterruptedException {
        String expiresAt = java.time.Instant.now().plus(Duration.ofHours(20)).toString();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(servers.trackApiUrl().resolve("/api/v1/tracks"))
                .header("Authorization", "Bearer " + token(userId))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + title + "\",\"artist\":\"" + artist + "\","
                        + "\"provider\":{\"name\":\"local\",\"audioUrl\":\"http://127.0.0.1:9/dawn.mp3\","
                        + "\"expiresAt\":\"" + expiresAt + "\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    /** Escape closes the details (a toast may lie over the Close button at the bottom of the window). */
    private void closeDetails() {
        driver.findElement(By.id("edit-title")).sendKeys(Keys.ESCAPE);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("details")));
    }

    /** Empties the search box as a person would, so that the app's input listener reloads the library. */
    private void clearSearch() {
        WebElement search = driver.findElement(By.id("search"));
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        wait.until(browser -> browser.findElement(By.id("search")).getDomProperty("value").isEmpty());
    }

    private void signInAsAdminAndOpenAdmin() {
        driver.findElement(By.id("sign-out")).click();
        WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-user")));
        user.clear();
        user.sendKeys("browser-admin");
        WebElement withAdmin = driver.findElement(By.id("sign-in-admin"));
        if (!withAdmin.isSelected()) {
            withAdmin.click();
        }
        driver.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-admin"))).click();
    }

    private void signInAgain() {
        WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-user")));
        user.clear();
        user.sendKeys(USER);
        driver.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("view-library")));
    }

    private void openTrack(String title) {
        By button = By.xpath("//ul[@id='tracks']//button[starts-with(text(), '" + title + " — ')]");
        wait.until(ExpectedConditions.elementToBeClickable(button)).click();
        awaitDetailsOf(title);
    }

    /**
     * The details are open on this track once the app has loaded it and moved the focus into the form: the click
     * took the focus to the list first, and a hidden form may still hold an earlier open's values.
     */
    private void awaitDetailsOf(String title) {
        wait.until(browser -> "edit-title".equals(driver.executeScript("return document.activeElement.id"))
                && browser.findElement(By.id("details")).isDisplayed()
                && title.equals(browser.findElement(By.id("edit-title")).getDomProperty("value")));
    }

    private String token() throws IOException, InterruptedException {
        return token(USER);
    }

    private String token(String userId) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(servers.trackApiUrl().resolve("/api/v1/dev/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"" + userId + "\",\"roles\":[\"user\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher matcher = TOKEN.matcher(response.body());
        assertThat(matcher.find()).as(response.body()).isTrue();
        return matcher.group(1);
    }

    private void addCatalogTrack(String title, String artist) {
        addCatalogTrack(USER, title, artist, "1pKYYY0dkg23sQQXi0Q5zN");
    }

    private void addCatalogTrack(String userId, String title, String artist, String spotifyId) {
        createCatalogTrack(userId, title, artist, spotifyId);
    }

    private String createCatalogTrack(String userId, String title, String artist) {
        return createCatalogTrack(userId, title, artist, "1pKYYY0dkg23sQQXi0Q5zN");
    }

    /** Answers the new track's id. */
    private String createCatalogTrack(String userId, String title, String artist, String spotifyId) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(servers.trackApiUrl().resolve("/api/v1/tracks"))
                    .header("Authorization", "Bearer " + token(userId))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + title + "\",\"artist\":\"" + artist
                            + "\",\"catalogRef\":{\"service\":\"spotify\",\"id\":\"" + spotifyId + "\"}}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            Matcher id = TRACK_ID.matcher(response.body());
            assertThat(id.find()).as(response.body()).isTrue();
            return id.group(1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Two seconds of a 440 Hz tone as 8 kHz 16-bit mono PCM WAV. */
    private static byte[] wav() {
        int rate = 8000;
        int samples = rate * 2;
        ByteBuffer data = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            data.putShort((short) (Math.sin(2 * Math.PI * 440 * i / rate) * 8000));
        }
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes())
                .put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate)
                .putInt(rate * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes()).putInt(samples * 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        out.writeBytes(data.array());
        return out.toByteArray();
    }

    @Test
    @Order(12)
    void the_library_works_from_the_keyboard_alone() {
        WebElement search = driver.findElement(By.id("search"));
        search.click();
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(Keys.TAB).perform();
        String focused = (String) driver.executeScript("return document.activeElement.id");
        assertThat(focused).isEqualTo("filter-status");
        WebElement first = driver.findElement(By.cssSelector("#tracks li button.open"));
        driver.executeScript("arguments[0].focus()", first);
        String title = first.getText().split(" — ")[0];
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(Keys.ENTER).perform();
        awaitDetailsOf(title);
        Object outline = driver.executeScript("return getComputedStyle(document.activeElement).outlineStyle");
        assertThat(outline).isNotEqualTo("none");
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(Keys.ESCAPE).perform();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("details")));
        assertThat((Object) driver.executeScript("return document.activeElement.textContent")).isEqualTo(first.getText());
    }

    @Test
    @Order(13)
    void an_admin_sees_the_archive_dashboard_the_jobs_runs_the_due_archives_and_sees_the_stuck_purges()
            throws Exception {
        // A second urgent job, for "run now" to find once "Retry now" has taken the first.
        addProviderTrack("browser-other", "Generated Dusk", "Model Eight");
        signInAsAdminAndOpenAdmin();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("archive-stats"), "Archived"));
        assertThat(driver.findElement(By.id("archive-stats")).getText())
                .contains("Pending", "Urgent", "Expired", "Failure rate", "Average lead time");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stuck-empty")));
        wait.until(ExpectedConditions.textToBe(By.id("jobs-empty"), "No failed archive jobs."));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("jobs-status"))).selectByVisibleText("PENDING");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("jobs"), "Generated Dawn (user " + USER));
        assertThat(driver.findElement(By.id("jobs")).getText()).contains("urgent", "0 attempts");
        driver.findElement(By.cssSelector("button[aria-label='Retry archiving Generated Dawn']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "Archiving of “Generated Dawn” requested."));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("jobs"), "Generated Dusk (user browser-other"));
        driver.findElement(By.id("archive-run")).click();
        wait.until(ExpectedConditions.textMatches(By.id("archive-run-status"), Pattern.compile("Archiving started for \\d+ tracks?\\.")));
    }

    @Test
    @Order(14)
    void a_long_library_loads_its_next_pages_on_the_cursor_while_scrolling() {
        String scroller = "browser-scroller";
        for (int i = 1; i <= 45; i++) {
            addCatalogTrack(scroller, String.format("Long Player %02d", i), "Scroll Band", String.format("%022d", i));
        }
        driver.findElement(By.id("sign-out")).click();
        WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-user")));
        user.clear();
        user.sendKeys(scroller);
        driver.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        new org.openqa.selenium.support.ui.Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("sort"))))
                .selectByVisibleText("title A–Z");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tracks"), "Long Player 01"));
        wait.until(browser -> browser.findElements(By.cssSelector("#tracks li")).size() >= 20);
        assertThat(driver.findElements(By.cssSelector("#tracks li")).size()).isLessThan(45);
        driver.executeScript("document.getElementById('tracks-more').scrollIntoView()");
        wait.until(browser -> {
            ((ChromeDriver) browser).executeScript("document.getElementById('tracks-more').scrollIntoView()");
            return browser.findElements(By.cssSelector("#tracks li")).size() == 45;
        });
        wait.until(ExpectedConditions.textToBe(By.id("tracks-count"), "45 tracks shown"));
        java.util.List<String> titles = driver.findElements(By.cssSelector("#tracks li button.open")).stream()
                .map(WebElement::getText).toList();
        assertThat(titles).doesNotHaveDuplicates().startsWith("Long Player 01 — Scroll Band").endsWith("Long Player 45 — Scroll Band");
    }

    @Test
    @Order(15)
    void an_upload_over_the_file_size_limit_or_the_storage_quota_is_refused_with_its_reason_and_stores_nothing()
            throws IOException {
        // Servers: at most 512 KB per file and 1 MB of storage per user; this user has used none of it yet.
        wait.until(ExpectedConditions.textMatches(By.id("quota"), Pattern.compile("Storage: 0 B of .* used, 45 tracks\\.")));
        Path tooLarge = Files.createTempFile("novatune-too-large-", ".wav");
        Files.write(tooLarge, silentWav(700 * 1024));
        Path fits = Files.createTempFile("novatune-fits-", ".wav");
        Files.write(fits, silentWav(400 * 1024));
        try {
            driver.executeScript("document.getElementById('upload-panel').open = true");
            upload(tooLarge, "Too Large To Keep");
            awaitRefusal("The file is too large: a file may have at most 512");
            upload(fits, "Fits Once");
            wait.until(ExpectedConditions.textToBe(By.id("upload-status"), "Uploaded “Fits Once”."));
            upload(fits, "Fits Twice");
            wait.until(ExpectedConditions.textToBe(By.id("upload-status"), "Uploaded “Fits Twice”."));
            upload(fits, "One Too Many");
            awaitRefusal("Not enough storage for this file");

            wait.until(ExpectedConditions.textMatches(By.id("quota"), Pattern.compile("used, 47 tracks\\.")));
            assertThat(driver.findElement(By.id("tracks")).getText()).doesNotContain("Too Large To Keep", "One Too Many");
        } finally {
            Files.deleteIfExists(tooLarge);
            Files.deleteIfExists(fits);
        }
    }

    @Test
    @Order(16)
    void a_purge_nobody_answered_is_shown_to_the_admin_as_stuck_and_retried_from_there() throws Exception {
        String stuck = "Never Purged";
        String trackId = createCatalogTrack(USER, stuck, "Stuck Band");
        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(servers.trackApiUrl().resolve("/api/v1/tracks/" + trackId))
                .header("Authorization", "Bearer " + token()).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(202);
        try (Connection db = servers.trackDatabase();
             PreparedStatement graceOver = db.prepareStatement(
                     "UPDATE tracks SET scheduled_deletion_at = now() - interval '1 second' WHERE id = ?")) {
            graceOver.setString(1, trackId);
            assertThat(graceOver.executeUpdate()).isEqualTo(1);
        }
        // The purge timer sends TrackPurgeDue; no lifecycle-worker runs here, so after one unanswered send it gives up.
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "DELETE_FAILED".equals(trackStatus(trackId)));

        signInAsAdminAndOpenAdmin();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stuck"), stuck + " — Stuck Band (user " + USER + ", 1 attempts)"));
        assertThat(driver.findElement(By.id("stuck-empty")).isDisplayed()).isFalse();

        driver.findElement(By.cssSelector("button[aria-label='Retry purge of " + stuck + "']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "Purge of “" + stuck + "” retried."));
        // Retried: purging again (until its new send goes unanswered for the re-send time), so no longer listed.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stuck-empty")));
        assertThat(trackStatus(trackId)).isIn("PURGING", "DELETE_FAILED");
    }

    private String trackStatus(String trackId) throws SQLException {
        try (Connection db = servers.trackDatabase();
             PreparedStatement status = db.prepareStatement("SELECT status FROM tracks WHERE id = ?")) {
            status.setString(1, trackId);
            try (ResultSet row = status.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private void upload(Path file, String title) {
        driver.findElement(By.id("upload-file")).sendKeys(file.toString());
        WebElement titleField = driver.findElement(By.id("upload-title"));
        titleField.clear();
        titleField.sendKeys(title);
        WebElement artist = driver.findElement(By.id("upload-artist"));
        artist.clear();
        artist.sendKeys("Upload Limits");
        driver.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
    }

    private void awaitRefusal(String reason) {
        wait.until(browser -> !browser.findElement(By.id("errors")).getText().isBlank());
        assertThat(driver.findElement(By.id("errors")).getText()).contains(reason).doesNotContain("{");
        assertThat(driver.findElement(By.id("upload-progress")).isDisplayed()).isFalse();
        driver.findElements(By.cssSelector("#errors button")).forEach(WebElement::click);
    }

    /** A valid WAV file of silence with {@code dataBytes} of samples. */
    private static byte[] silentWav(int dataBytes) {
        ByteBuffer wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes())
                .put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000)
                .putInt(16000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes()).putInt(dataBytes);
        return wav.array();
    }
}
