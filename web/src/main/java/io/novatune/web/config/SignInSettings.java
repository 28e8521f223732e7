package io.novatune.web.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a person signs in ({@code novatune.web.sign-in}): the local "sign in as" form on track-api's
 * {@code POST /api/v1/dev/token}, and/or OpenID Connect authorization code + PKCE against {@code issuer} as the
 * public client {@code clientId} (ADR 0019). Production sets the issuer and client id and turns {@code dev} off.
 *
 * @param dev      whether the "sign in as" form is offered (the local profile of track-api answers it)
 * @param issuer   the OpenID provider's issuer URL; empty: no OIDC sign-in
 * @param clientId the public client registered for the web app at the issuer
 * @param scope    the scopes asked for
 * @param audience an {@code audience} parameter for providers that need one to issue an API token; empty: none
 */
@ConfigurationProperties("novatune.web.sign-in")
public record SignInSettings(@DefaultValue("true") boolean dev, String issuer, String clientId,
                             @DefaultValue("openid") String scope, String audience) {

    public SignInSettings {
        if (blank(issuer) != blank(clientId)) {
            throw new IllegalArgumentException(
                    "novatune.web.sign-in.issuer and .client-id go together: set both for OIDC sign-in, or neither");
        }
        if (!dev && blank(issuer)) {
            throw new IllegalArgumentException(
                    "no way to sign in: set novatune.web.sign-in.issuer and .client-id, or leave .dev on");
        }
    }

    boolean oidc() {
        return !blank(issuer);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
