package io.novatune.trackapi.outbox.relay;

import java.util.Collection;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The Debezium PostgreSQL connector reading the outbox from the WAL, and the Outbox Event Router
 * turning each row into a record for the topic named in the row.
 */
final class DebeziumProperties {

    /** Topic prefix of the raw change events; only the router's output leaves the relay. */
    static final String TOPIC_PREFIX = "novatune-outbox";
    static final String OUTBOX_CHANGES_TOPIC = TOPIC_PREFIX + ".public.outbox";

    private DebeziumProperties() {
    }

    static Properties of(RelaySettings settings) {
        Properties props = new Properties();
        props.setProperty("name", "novatune-outbox-relay");
        props.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        props.setProperty("database.hostname", settings.databaseHost());
        props.setProperty("database.port", Integer.toString(settings.databasePort()));
        props.setProperty("database.user", settings.databaseUser());
        props.setProperty("database.password", settings.databasePassword());
        props.setProperty("database.dbname", settings.databaseName());
        props.setProperty("topic.prefix", TOPIC_PREFIX);
        props.setProperty("plugin.name", "pgoutput");
        props.setProperty("slot.name", settings.slotName());
        // The publication is created by a Flyway migration with publish = 'insert, update': the
        // outbox's deletes never leave the database.
        props.setProperty("publication.name", settings.publicationName());
        props.setProperty("publication.autocreate.mode", "disabled");
        props.setProperty("table.include.list", "public.outbox,public.relay_heartbeat");
        // Only rows written after the slot exists matter; nothing from before is replayed.
        props.setProperty("snapshot.mode", "no_data");
        props.setProperty("tombstones.on.delete", "false");
        // The engine waits this long for more changes before handing over a batch (default 500 ms):
        // it bounds how long an event sits between commit and Kafka. 10 ms keeps 201 → consumed p99 under 100 ms at
        // half the maximum write rate (docs/benchmarks.md); batches stay large under load, when the queue fills first.
        props.setProperty("poll.interval.ms", "10");

        // While the outbox is idle, the heartbeat writes a row the slot sees, so its WAL is released.
        props.setProperty("heartbeat.interval.ms", Long.toString(settings.heartbeatInterval().toMillis()));
        props.setProperty("heartbeat.action.query",
                "INSERT INTO relay_heartbeat (id, beat_at) VALUES (1, now()) "
                        + "ON CONFLICT (id) DO UPDATE SET beat_at = excluded.beat_at");

        // Offsets live in a compacted Kafka topic (Kafka Connect's store), shared by every replica, so a standby
        // resumes where the leader stopped. With no offset stored the connector starts at the slot's confirmed
        // position, which the slot keeps: nothing committed in between is skipped.
        props.setProperty("offset.storage", "org.apache.kafka.connect.storage.KafkaOffsetBackingStore");
        props.setProperty("offset.storage.topic", settings.offsetTopic());
        props.setProperty("offset.storage.partitions", "1");
        props.setProperty("offset.storage.replication.factor", Short.toString(settings.offsetTopicReplicationFactor()));
        props.setProperty("offset.flush.interval.ms", "1000");
        // The offset store's clients reach the cluster as the relay's producer does (servers, TLS, SASL).
        OutboxRelay.connectionSettings(settings).forEach((name, value) -> props.setProperty(name, asConfigValue(value)));

        props.setProperty("transforms", "outbox");
        props.setProperty("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter");
        props.setProperty("transforms.outbox.predicate", "isOutbox");
        props.setProperty("transforms.outbox.table.field.event.key", "aggregate_id");
        props.setProperty("transforms.outbox.route.by.field", "topic");
        props.setProperty("transforms.outbox.route.topic.replacement", "${routedByValue}");
        props.setProperty("transforms.outbox.table.fields.additional.placement",
                "event_type:header:event-type,id:header:event-id,traceparent:header:traceparent");
        props.setProperty("predicates", "isOutbox");
        props.setProperty("predicates.isOutbox.type", "org.apache.kafka.connect.transforms.predicates.TopicNameMatches");
        props.setProperty("predicates.isOutbox.pattern", OUTBOX_CHANGES_TOPIC.replace(".", "\\."));
        return props;
    }

    /** Spring gives some settings as lists (bootstrap servers); Kafka's config reads them back from commas. */
    private static String asConfigValue(Object value) {
        return value instanceof Collection<?> values
                ? values.stream().map(String::valueOf).collect(Collectors.joining(","))
                : String.valueOf(value);
    }
}
