package io.novatune.ingestion;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Schedules each added recording for search-index ingestion, exactly once per ISRC. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class IngestionSchedulerApplication {

    public static void main(String[] args) {
        SpringApplication.run(IngestionSchedulerApplication.class, args);
    }
}
