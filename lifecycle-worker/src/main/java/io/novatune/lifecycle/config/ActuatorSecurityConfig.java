package io.novatune.lifecycle.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security is here for the OAuth 2.0 client only (the orphan sweep's token for track-api). The HTTP port
 * serves the actuator alone, and stays as open as it was: health probes, Prometheus and {@code POST
 * /actuator/orphansweep} need no credentials; the port is reachable inside the cluster only
 * (docs/adr/0008-orphan-sweep.md). Without this chain Spring Boot would put every endpoint behind a login,
 * the probes included.
 */
@Configuration(proxyBeanMethods = false)
public class ActuatorSecurityConfig {

    @Bean
    SecurityFilterChain openActuator(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // No browser sessions to protect; a CSRF token would refuse an operator's curl -X POST.
                .csrf(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
