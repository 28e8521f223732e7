package io.novatune.archiver.archiving;

import io.novatune.archiver.storage.AssetKinds;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.novatune.archiver.provider.ProviderFailure;
import io.novatune.archiver.provider.ProviderResponse;
import io.novatune.archiver.provider.SafeFetcher;
import io.novatune.archiver.storage.ArchiveStore;
import io.novatune.archiver.storage.StoredCopy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Copies one provider file into the bucket, verified, retrying what may pass on a later try (docs/adr/0011).
 * A verified copy already there is reused without contacting the provider: a replay must not depend on links
 * that may have expired since, and must upload nothing.
 */
@Component
public class AssetArchiver {

    private static final Logger log = LoggerFactory.getLogger(AssetArchiver.class);

    private final SafeFetcher fetcher;
    private final ArchiveStore store;
    private final ArchivingProperties properties;
    private final ArchiveMetrics metrics;
    private final Retry retry;

    public AssetArchiver(SafeFetcher fetcher, ArchiveStore store, ArchivingProperties properties, ArchiveMetrics metrics) {
        this.fetcher = fetcher;
        this.store = store;
        this.properties = properties;
        this.metrics = metrics;
        long waitMillis = properties.retry().interval().toMillis();
        // The n-th retry waits n × interval: 5 s, then 10 s by default, long enough for a 503 or 429 to pass, short
        // enough to stay far below max.poll.interval.ms.
        IntervalFunction linear = attempt -> waitMillis * attempt;
        this.retry = Retry.of("provider-fetch", RetryConfig.custom()
                .maxAttempts(properties.retry().maxAttempts())
                .intervalFunction(linear)
                .retryOnException(failure -> failure instanceof AttemptFailure attempt && attempt.retryable())
                .build());
    }

    public AssetOutcome archive(AssetJob job) {
        long started = System.nanoTime();
        metrics.started();
        AtomicInteger tries = new AtomicInteger();
        AssetOutcome outcome;
        try {
            outcome = retry.executeCheckedSupplier(() -> tryOnce(job, tries.incrementAndGet()));
        } catch (AttemptFailure failure) {
            outcome = new AssetOutcome.Failed(job.kind(), failure.retryable(), failure.getMessage(), tries.get());
        } catch (Throwable unexpected) {
            outcome = new AssetOutcome.Failed(job.kind(), true, "unexpected: " + unexpected, tries.get());
        } finally {
            metrics.finished();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        metrics.outcome(outcome, took);
        logOutcome(job, outcome, took);
        return outcome;
    }

    private AssetOutcome tryOnce(AssetJob job, int attempt) throws AttemptFailure {
        try {
            Optional<StoredCopy> stored = store.findVerified(AssetKinds.keyPrefix(job.kind(), job.userId(), job.trackId()));
            if (stored.isPresent()) {
                return new AssetOutcome.Archived(job.kind(), stored.get(), true);
            }
            try (ProviderResponse response = fetcher.open(job.providerName(), job.link())) {
                check(job, response);
                String key = AssetKinds.key(job.kind(), job.userId(), job.trackId(), response.contentType());
                StoredCopy copy = store.store(key, response.contentType(), response.contentLength(), response.body());
                return new AssetOutcome.Archived(job.kind(), copy, false);
            }
        } catch (ProviderFailure e) {
            throw failed(job, attempt, e.retryable(), e.getMessage(), e);
        } catch (IOException e) {
            // A reset, a stall or a truncated body while streaming: the upload was aborted, a later try may pass.
            throw failed(job, attempt, true, "reading the provider's body failed: " + e.getMessage(), e);
        } catch (SdkException e) {
            throw failed(job, attempt, true, "object storage failed: " + e.getMessage(), e);
        }
    }

    private void check(AssetJob job, ProviderResponse response) throws ProviderFailure {
        if (!AssetKinds.accepts(job.kind(), response.contentType())) {
            throw ProviderFailure.refused("content type '" + response.contentType() + "' is not "
                    + AssetKinds.mediaFamily(job.kind()) + "* as a " + ArchiveMetrics.kind(job.kind()) + " must be");
        }
        long max = properties.maxSize().of(job.kind()).toBytes();
        if (response.contentLength() > max) {
            throw ProviderFailure.refused(ArchiveMetrics.kind(job.kind()) + " of " + response.contentLength()
                    + " bytes exceeds the maximum of " + max);
        }
    }

    private AttemptFailure failed(AssetJob job, int attempt, boolean retryable, String reason, Throwable cause) {
        boolean last = !retryable || attempt >= properties.retry().maxAttempts();
        log.atWarn()
                .addKeyValue("trackId", job.trackId())
                .addKeyValue("userId", job.userId())
                .addKeyValue("assetKind", ArchiveMetrics.kind(job.kind()))
                .addKeyValue("try", attempt)
                .addKeyValue("retryable", retryable)
                .addKeyValue("reason", reason)
                .log(last ? "archive try failed; giving up on this asset" : "archive try failed; trying again");
        return new AttemptFailure(retryable, reason, cause);
    }

    private static void logOutcome(AssetJob job, AssetOutcome outcome, Duration took) {
        var line = log.atInfo()
                .addKeyValue("trackId", job.trackId())
                .addKeyValue("userId", job.userId())
                .addKeyValue("assetKind", ArchiveMetrics.kind(job.kind()))
                .addKeyValue("outcome", ArchiveMetrics.outcomeName(outcome))
                .addKeyValue("durationMs", took.toMillis());
        if (outcome instanceof AssetOutcome.Archived archived) {
            line.addKeyValue("sizeBytes", archived.copy().sizeBytes()).log("asset archived");
        } else {
            line.addKeyValue("reason", ((AssetOutcome.Failed) outcome).reason()).log("asset not archived");
        }
    }
}
