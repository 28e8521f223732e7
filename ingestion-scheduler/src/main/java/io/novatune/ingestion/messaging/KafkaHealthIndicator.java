package io.novatune.ingestion.messaging;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/** Health and readiness follow the broker: without Kafka this service can do nothing. */
@Component("kafka")
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
