package io.novatune.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The OpenID Connect pieces of oidc.js, run in the browser they are written for (no Node.js to run them elsewhere). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SignInInTheBrowserTest {

    private ChromeDriver driver;

    @BeforeAll
    void start() {
        Servers servers = Servers.get();
        driver = Browser.start();
        driver.get(servers.webUrl().toString());
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-user")));
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    private Object module(String body) {
        return driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "import('/oidc.js').then(async oidc => { " + body + " }).catch(e => done('failed: ' + e));");
    }

    @Test
    void the_code_challenge_is_the_s256_of_the_verifier_as_in_rfc_7636_appendix_b() {
        Object challenge = module("done(await oidc.challengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'));");
        assertThat(challenge).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void a_code_verifier_is_43_unreserved_characters_and_new_each_time() {
        Object verifiers = module("done(oidc.createVerifier() + ' ' + oidc.createVerifier());");
        String[] two = ((String) verifiers).split(" ");
        assertThat(two[0]).matches("[A-Za-z0-9_-]{43}");
        assertThat(two[1]).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(two[0]);
    }

    @Test
    void the_authorization_url_asks_for_a_code_with_the_s256_challenge_and_comes_back_to_this_page() {
        Object url = module("done(oidc.authorizationUrl('https://id.example.org/realms/novatune/auth?kc_idp_hint=x', {"
                + " clientId: 'novatune-web', redirectUri: oidc.redirectUriOf(window.location), scope: 'openid profile',"
                + " state: 'state-1', challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', audience: 'novatune-api' }));");
        URI uri = URI.create((String) url);
        assertThat(uri.getHost()).isEqualTo("id.example.org");
        assertThat(uri.getPath()).isEqualTo("/realms/novatune/auth");
        Map<String, String> query = java.util.Arrays.stream(uri.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> java.net.URLDecoder.decode(p[1], java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(query).containsEntry("response_type", "code")
                .containsEntry("client_id", "novatune-web")
                .containsEntry("redirect_uri", Servers.get().webUrl() + "/")
                .containsEntry("scope", "openid profile")
                .containsEntry("state", "state-1")
                .containsEntry("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("audience", "novatune-api")
                .containsEntry("kc_idp_hint", "x");
    }

    @Test
    void the_app_is_configured_from_config_json_with_the_local_sign_in_and_no_issuer() {
        Object config = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/config.json').then(r => r.text()).then(done);");
        assertThat((String) config).isEqualTo("{\"signIn\":{\"dev\":true,\"oidc\":null}}");
        assertThat(driver.findElement(By.id("sign-in-oidc-panel")).isDisplayed()).isFalse();
    }

    @Test
    void a_page_load_without_a_code_is_no_sign_in_answer() {
        Object answer = module("done(String(await oidc.completeSignIn({ issuer: 'https://id.example.org', clientId: 'c' })));");
        assertThat(answer).isEqualTo("null");
    }

    @Test
    void signing_in_through_the_identity_provider_with_pkce_lands_in_the_library_and_renews_the_token_in_memory_only()
            throws Exception {
        Servers servers = Servers.get();
        // Neither is closed before the JVM ends: closing a second Reactor Netty app in this JVM disposes the global
        // event loops the local stack's web app serves on too.
        // Tokens for 4 s: the app renews each after 3 s with its refresh token.
        IdentityProviderStandIn provider = new IdentityProviderStandIn(
                () -> servers.trackApi().token("oidc-person", "user", "admin"), 4);
        var web = org.springframework.boot.SpringApplication.run(io.novatune.web.WebApplication.class,
                "--server.port=0", "--NOVATUNE_WEB_TRACK_API_URL=" + servers.trackApiUrl(),
                "--novatune.web.sign-in.dev=false", "--novatune.web.sign-in.issuer=" + provider.issuer(),
                "--novatune.web.sign-in.client-id=novatune-web");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.close();
            provider.close();
        }, "oidc-web-stop"));
        try {
            String port = web.getEnvironment().getProperty("local.server.port");
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            driver.get("http://localhost:" + port + "/");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-oidc"))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("view-library")));
            wait.until(ExpectedConditions.textToBe(By.id("who"), "Signed in as oidc-person"));
            wait.until(ExpectedConditions.textMatches(By.id("quota"), java.util.regex.Pattern.compile("Storage: .* used")));
            assertThat(driver.findElement(By.id("nav-admin")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.id("sign-in-form")).isDisplayed()).isFalse();
            assertThat(driver.getCurrentUrl()).doesNotContain("code=").doesNotContain("state=");
            assertThat((Object) driver.executeScript("return window.localStorage.length + window.sessionStorage.length"))
                    .isEqualTo(0L);
            assertThat(provider.tokensIssued.get()).isEqualTo(1);

            new WebDriverWait(driver, Duration.ofSeconds(60)).until(browser -> provider.tokensRefreshed.get() >= 2);
            // The token the app now sends is the one the provider issued last.
            wait.until(browser -> ("Bearer " + provider.lastAccessToken.get()).equals(
                    ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + "import('/api.js').then(m => done(m.session.authorization().Authorization));")));
            driver.findElement(By.cssSelector("a[href='#/trash']")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("view-trash")));
            assertThat(driver.findElement(By.id("who")).getText()).isEqualTo("Signed in as oidc-person");
            assertThat(driver.findElement(By.id("errors")).getText()).isEmpty();
            assertThat(provider.tokensRefused.get()).isZero();
            assertThat((Object) driver.executeScript("return window.localStorage.length + window.sessionStorage.length"))
                    .isEqualTo(0L);
            Browser.screenshot(driver, "sign-in-oidc-library");
        } finally {
            // The other tests here run on the local stack's web app.
            driver.get(servers.webUrl().toString());
        }
    }
}
