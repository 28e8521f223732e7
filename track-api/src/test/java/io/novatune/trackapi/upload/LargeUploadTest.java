package io.novatune.trackapi.upload;

import io.novatune.infra.PostgresServer;
import io.novatune.infra.S3Options;
import io.novatune.infra.S3Server;
import io.novatune.trackapi.TestTokens;
import io.novatune.trackapi.TrackApiIntegrationTest;
import io.novatune.trackapi.TrackApiProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application in a JVM with a 256 MiB heap takes a 1 GiB upload: the file can only have streamed
 * through. S3Proxy keeps this one on disk (its shared instance keeps objects in memory).
 */
class LargeUploadTest {

    private static final String DATABASE = "tracks_upload_big";
    private static final String BUCKET = "tracks-big";
    private static final long FILE_BYTES = 1L << 30;
    private static final int CHUNK = 256 * 1024;
    private static final long MIB = 1024 * 1024;

    @Test
    void a_1_GiB_upload_streams_through_a_256_MiB_heap_into_S3_whole_and_counts_against_the_quota(@TempDir Path data)
            throws Exception {
        PostgresServer postgres = TrackApiIntegrationTest.startPostgres(DATABASE);
        String kafka = TrackApiIntegrationTest.kafka();
        try (S3Server s3 = S3Server.start(new S3Options(data.resolve("s3"), 0));
             TrackApiProcess app = TrackApiProcess.start(
                     List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"),
                     Map.ofEntries(
                             Map.entry("novatune.database.host", postgres.host()),
                             Map.entry("novatune.database.port", Integer.toString(postgres.port())),
                             Map.entry("novatune.database.name", DATABASE),
                             Map.entry("novatune.database.username", postgres.username()),
                             Map.entry("novatune.database.password", postgres.password()),
                             // Replication slots are cluster-wide: one per database.
                             Map.entry("novatune.relay.slot-name", DATABASE),
                             Map.entry("novatune.relay.offset-topic", DATABASE + "-relay-offsets"),
                             Map.entry("spring.kafka.bootstrap-servers", kafka),
                             Map.entry("novatune.security.jwt.secret", TrackApiIntegrationTest.JWT_SECRET),
                             Map.entry("novatune.s3.endpoint", s3.endpoint().toString()),
                             Map.entry("novatune.s3.access-key", s3.accessKey()),
                             Map.entry("novatune.s3.secret-key", s3.secretKey()),
                             Map.entry("novatune.s3.region", s3.region()),
                             Map.entry("novatune.s3.bucket", BUCKET),
                             Map.entry("novatune.s3.create-bucket", "true")));
             S3AsyncClient client = client(s3)) {
            app.awaitReady(Duration.ofSeconds(120));
            String user = "user-big-upload";

            CRC32C sent = new CRC32C();
            byte[] head = (MultipartBody.partHeaders("metadata", null, "application/json")
                    + "{\"title\": \"One gibibyte\", \"artist\": \"The Test\"}\r\n"
                    + MultipartBody.partHeaders("file", "big.flac", "audio/flac")).getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n" + MultipartBody.closing()).getBytes(StandardCharsets.UTF_8);
            Flux<DataBuffer> body = Flux.concat(
                    Mono.fromSupplier(() -> DefaultDataBufferFactory.sharedInstance.wrap(head)),
                    generated(sent),
                    Mono.fromSupplier(() -> DefaultDataBufferFactory.sharedInstance.wrap(tail)));

            AtomicLong peakHeap = new AtomicLong();
            AtomicLong peakLive = new AtomicLong();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> {
                app.heapUsed().ifPresent(used -> peakHeap.accumulateAndGet(used, Math::max));
                app.liveDataAfterGc().ifPresent(live -> peakLive.accumulateAndGet(live, Math::max));
            }, 0, 200, TimeUnit.MILLISECONDS);
            long started = System.nanoTime();
            ResponseEntity<Map<String, Object>> response;
            try {
                response = WebClient.create(app.uri("").toString()).post().uri("/api/v1/tracks")
                        .headers(headers -> {
                            headers.setBearerAuth(TestTokens.forUser(user));
                            headers.setContentType(MultipartBody.contentType());
                            headers.setContentLength(head.length + FILE_BYTES + tail.length);
                        })
                        .body(BodyInserters.fromDataBuffers(body))
                        .retrieve()
                        .toEntity(new ParameterizedTypeReference<Map<String, Object>>() {
                        })
                        .block(Duration.ofMinutes(3));
            } finally {
                sampler.shutdownNow();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            OptionalLong peakRss = app.peakRss();
            System.out.printf("1 GiB upload with -Xmx256m: %d ms (%.0f MiB/s); sampled every 200 ms: peak heap used %d MiB "
                            + "(garbage included), peak old generation after a GC %d MiB (what the heap held on to); "
                            + "peak RSS %s MiB%n",
                    took.toMillis(), 1024.0 / (took.toMillis() / 1000.0), peakHeap.get() / MIB, peakLive.get() / MIB,
                    peakRss.isPresent() ? Long.toString(peakRss.getAsLong() / MIB) : "n/a");

            assertThat(response.getStatusCode().value()).isEqualTo(201);
            assertThat(app.isAlive()).isTrue();
            Map<String, Object> track = response.getBody();
            assertThat(((Number) track.get("fileSizeBytes")).longValue()).isEqualTo(FILE_BYTES);
            String key = "audio/" + user + "/" + track.get("id");

            assertThat(client.headObject(h -> h.bucket(BUCKET).key(key)).join().contentLength()).isEqualTo(FILE_BYTES);
            assertThat(checksumOf(client, key)).isEqualTo(sent.getValue());

            Map<String, Object> quota = WebClient.create(app.uri("").toString()).get().uri("/api/v1/me/quota")
                    .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                    .retrieve().bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() {
                    })
                    .block(Duration.ofSeconds(30));
            assertThat(((Number) quota.get("usedBytes")).longValue()).isEqualTo(FILE_BYTES);
            assertThat(((Number) quota.get("trackCount")).longValue()).isEqualTo(1);
        }
    }

    /**
     * 1 GiB made a chunk at a time as the client asks for it: a random block, each copy stamped with its index so
     * that a chunk lost, repeated or out of order changes the checksum. CRC32C rather than a cryptographic hash: it
     * detects such damage, and costs the shared two cores next to nothing.
     */
    private static Flux<DataBuffer> generated(CRC32C checksum) {
        byte[] block = new byte[CHUNK];
        new SplittableRandom(42).nextBytes(block);
        return Flux.range(0, (int) (FILE_BYTES / CHUNK)).map(index -> {
            byte[] chunk = block.clone();
            ByteBuffer.wrap(chunk).putLong(index);
            checksum.update(chunk);
            return DefaultDataBufferFactory.sharedInstance.wrap(chunk);
        });
    }

    private static long checksumOf(S3AsyncClient client, String key) throws Exception {
        CRC32C checksum = new CRC32C();
        ResponseInputStream<GetObjectResponse> object = client.getObject(get -> get.bucket(BUCKET).key(key),
                AsyncResponseTransformer.toBlockingInputStream()).join();
        try (InputStream in = object) {
            byte[] buffer = new byte[1 << 20];
            int read;
            while ((read = in.read(buffer)) > 0) {
                checksum.update(buffer, 0, read);
            }
        }
        return checksum.getValue();
    }

    private static S3AsyncClient client(S3Server s3) {
        return S3AsyncClient.builder()
                .region(Region.of(s3.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
                .endpointOverride(s3.endpoint())
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }
}
