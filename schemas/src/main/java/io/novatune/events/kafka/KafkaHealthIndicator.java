package io.novatune.events.kafka;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

import java.util.concurrent.TimeUnit;

/**
 * Health component {@code kafka}: the broker answers a cluster description. Every service lives off
 * the event bus, so its readiness includes this.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements AutoCloseable {

    private final AdminClient admin;

    public KafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        this.admin = AdminClient.create(kafkaAdmin.getConfigurationProperties());
    }

    @Override
    protected void doHealthCheck(Health.Builder health) throws Exception {
        var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000));
        health.up()
                .withDetail("clusterId", cluster.clusterId().get(3, TimeUnit.SECONDS))
                .withDetail("brokers", cluster.nodes().get(3, TimeUnit.SECONDS).size());
    }

    @Override
    public void close() {
        admin.close();
    }
}
