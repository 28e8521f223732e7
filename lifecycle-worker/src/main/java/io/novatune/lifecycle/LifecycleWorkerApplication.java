package io.novatune.lifecycle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Physically deletes the objects of purged tracks and sweeps orphaned storage. */
@SpringBootApplication
public class LifecycleWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(LifecycleWorkerApplication.class, args);
    }
}
