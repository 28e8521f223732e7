package io.novatune.lifecycle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Physically deletes the objects of purged tracks and sweeps orphaned storage. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LifecycleWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(LifecycleWorkerApplication.class, args);
    }
}
