package io.novatune.ingestion;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Schedules each added recording for search-index ingestion, exactly once per ISRC. */
@SpringBootApplication
public class IngestionSchedulerApplication {

    public static void main(String[] args) {
        SpringApplication.run(IngestionSchedulerApplication.class, args);
    }
}
