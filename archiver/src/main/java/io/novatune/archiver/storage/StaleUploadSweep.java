package io.novatune.archiver.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start, aborts the incomplete multipart uploads a crashed instance left under the archiver's prefixes: S3
 * keeps (and bills) their parts forever otherwise. Only uploads older than {@code novatune.s3.stale-upload-age}
 * are touched, so another instance's upload in progress is left alone.
 */
@Component
public class StaleUploadSweep implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StaleUploadSweep.class);

    private final ArchiveStore store;
    private final S3Properties properties;

    public StaleUploadSweep(ArchiveStore store, S3Properties properties) {
        this.store = store;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.sweepStaleUploadsAtStart()) {
            sweep();
        }
    }

    /** Answers how many uploads were aborted. A failure is logged, not fatal: the next start sweeps again. */
    public int sweep() {
        int aborted = 0;
        for (String prefix : AssetKinds.prefixes()) {
            try {
                aborted += store.abortStaleUploads(prefix, properties.staleUploadAge());
            } catch (RuntimeException e) {
                log.atWarn().addKeyValue("prefix", prefix).addKeyValue("reason", e.getMessage())
                        .log("could not sweep stale multipart uploads");
            }
        }
        if (aborted > 0) {
            log.atInfo().addKeyValue("aborted", aborted).log("aborted {} stale multipart upload(s)", aborted);
        }
        return aborted;
    }
}
