package io.novatune.discovery.statistics;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /api/v1/discovery/statistics} and {@code /trends}: figures of the user's own discoveries only. */
@RestController
@RequestMapping("/api/v1/discovery")
public class StatisticsController {

    private final Statistics statistics;

    public StatisticsController(Statistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/statistics")
    public Mono<DiscoveryStatistics> statistics(@AuthenticationPrincipal Jwt user,
                                                @RequestParam(defaultValue = "all-time") String period) {
        return statistics.statistics(user.getSubject(), period);
    }

    @GetMapping("/trends")
    public Mono<DiscoveryTrends> trends(@AuthenticationPrincipal Jwt user) {
        return statistics.trends(user.getSubject());
    }
}
