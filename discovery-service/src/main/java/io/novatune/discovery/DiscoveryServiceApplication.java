package io.novatune.discovery;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** DJ discovery: tracklists, identification, catalog, want-list, statistics and exports. */
@SpringBootApplication
@org.springframework.boot.context.properties.ConfigurationPropertiesScan
public class DiscoveryServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(DiscoveryServiceApplication.class, args);
    }
}
