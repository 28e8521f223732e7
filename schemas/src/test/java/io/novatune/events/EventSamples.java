package io.novatune.events;

import java.time.Instant;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;

/** One event of every type with every field set, optional ones included, so a round trip exercises all of them. */
public final class EventSamples {

    private static final Instant OCCURRED_AT = Instant.parse("2026-11-22T10:15:30.123Z");
    private static final String USER = "user-7";
    private static final String TRACK = "01JDTRACK0000000000000001";

    private EventSamples() {
    }

    /** The sample of one event type. */
    public static <T extends SpecificRecord> T sample(Class<T> type) {
        return everyEventType().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    public static List<SpecificRecord> everyEventType() {
        return List.of(
                TrackAdded.newBuilder()
                        .setEventId("4f1c2a9e-2c43-4b8e-9a53-6c1f2b3d4e51").setOccurredAt(OCCURRED_AT)
                        .setTrackId(TRACK).setUserId(USER).setSource(TrackSource.CATALOG)
                        .setTitle("Strobe").setArtist("deadmau5").setAlbum("For Lack of a Better Name")
                        .setIsrc("USUS10900001").setGenre("Progressive House").setDurationMs(637_000L)
                        .setCatalogRef(CatalogRef.newBuilder().setService("spotify").setId("6kx4Lb1f1Rr1j7E").build())
                        .build(),
                AlbumAdded.newBuilder()
                        .setEventId("5a2d3b0f-3d54-4c9f-8b64-7d203c4e5f62").setOccurredAt(OCCURRED_AT)
                        .setAlbumId("album-3").setUserId(USER).setTitle("Random Album Title").setArtist("deadmau5")
                        .setTracks(List.of(
                                AlbumTrack.newBuilder().setTrackId("t-1").setTrackNumber(1).setTitle("Slip")
                                        .setArtist("deadmau5").setIsrc("USUS10800001").setDurationMs(420_000L).build(),
                                AlbumTrack.newBuilder().setTrackId("t-2").setTrackNumber(2).setTitle("Brazil")
                                        .setArtist("deadmau5").setIsrc(null).setDurationMs(null).build()))
                        .build(),
                TrackUpdated.newBuilder()
                        .setEventId("6b3e4c1a-4e65-4da0-9c75-8e314d5f6073").setOccurredAt(OCCURRED_AT)
                        .setTrackId(TRACK).setUserId(USER).setVersion(4L)
                        .setChangedFields(List.of("bpm", "musicalKey"))
                        .setTitle("Strobe").setArtist("deadmau5").setAlbum("For Lack of a Better Name")
                        .setIsrc("USUS10900001").setGenre("Progressive House").setBpm(128.0).setMusicalKey("8A")
                        .setDurationMs(637_000L)
                        .build(),
                TrackDeleted.newBuilder()
                        .setEventId("7c4f5d2b-5f76-4eb1-8d86-9f425e607184").setOccurredAt(OCCURRED_AT)
                        .setTrackId(TRACK).setUserId(USER)
                        .setDeletedAt(OCCURRED_AT).setScheduledDeletionAt(Instant.parse("2026-12-22T10:15:30.123Z"))
                        .setStatusBeforeDeletion("READY")
                        .setObjectKeys(List.of("audio/" + TRACK + ".mp3", "cover/" + TRACK + ".jpg"))
                        .setFileSizeBytes(9_876_543L)
                        .build(),
                TrackRestored.newBuilder()
                        .setEventId("8d506e3c-6087-4fc2-9e97-a0536f718295").setOccurredAt(OCCURRED_AT)
                        .setTrackId(TRACK).setUserId(USER).setRestoredStatus("READY").setRestoredAt(OCCURRED_AT)
                        .build(),
                TrackPurgeDue.newBuilder()
                        .setEventId("9e617f4d-7198-40d3-8fa8-b16470829306").setOccurredAt(OCCURRED_AT)
                        .setTrackId(TRACK).setUserId(USER).setAttempt(2)
                        .setObjectKeys(List.of("audio/" + TRACK + ".mp3")).setFileSizeBytes(9_000_000L)
                        .build(),
                TrackPurged.newBuilder()
                        .setEventId("af72805e-82a9-41e4-90b9-c27581930417").setOccurredAt(OCCURRED_AT)
                        .setTrackId(TRACK).setUserId(USER).setPurgeDueEventId("9e617f4d-7198-40d3-8fa8-b16470829306")
                        .setDeletedKeys(List.of("audio/" + TRACK + ".mp3")).setBytesFreed(9_000_000L)
                        .build(),
                ArchiveDue.newBuilder()
                        .setEventId("b083916f-93ba-42f5-a1ca-d38692a41528").setOccurredAt(OCCURRED_AT)
                        .setTrackId(TRACK).setUserId(USER).setAttempt(1).setProviderName("suno")
                        .setAudioUrl("https://cdn.provider.example/a.mp3")
                        .setCoverUrl("https://cdn.provider.example/c.jpg")
                        .setVideoUrl("https://cdn.provider.example/v.mp4")
                        .setProviderExpiresAt(Instant.parse("2026-11-25T00:00:00Z"))
                        .build(),
                TrackArchived.newBuilder()
                        .setEventId("c194a270-a4cb-4306-b2db-e497b3b52639").setOccurredAt(OCCURRED_AT)
                        .setTrackId(TRACK).setUserId(USER)
                        .setAssets(List.of(
                                ArchivedAsset.newBuilder().setKind(AssetKind.AUDIO).setObjectKey("audio/a.mp3")
                                        .setSizeBytes(4_000_000L).setContentType("audio/mpeg")
                                        .setSha256("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08").build(),
                                ArchivedAsset.newBuilder().setKind(AssetKind.VIDEO).setObjectKey("video/v.mp4")
                                        .setSizeBytes(40_000_000L).setContentType("video/mp4")
                                        .setSha256("60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752").build()))
                        .build(),
                ArchiveFailed.newBuilder()
                        .setEventId("d2a5b381-b5dc-4417-83ec-f5a8c4c63740").setOccurredAt(OCCURRED_AT)
                        .setTrackId(TRACK).setUserId(USER).setAttempt(3)
                        .setReason("provider answered 503 \"busy\"").setRetryable(true)
                        .build(),
                IngestionRequested.newBuilder()
                        .setEventId("e3b6c492-c6ed-4528-94fd-06b9d5d74851").setOccurredAt(OCCURRED_AT)
                        .setIsrc("USUS10900001").setTrackId(TRACK).setUserId(USER)
                        .setTitle("Strobe").setArtist("deadmau5").setAlbum("For Lack of a Better Name")
                        .setDurationMs(637_000L)
                        .build(),
                TrackIndexed.newBuilder()
                        .setEventId("f4c7d5a3-d7fe-4639-a50e-17cae6e85962").setOccurredAt(OCCURRED_AT)
                        .setIsrc("USUS10900001").setTrackId(TRACK)
                        .build(),
                TracksDiscovered.newBuilder()
                        .setEventId("05d8e6b4-e80f-474a-b61f-28dbf7f96a73").setOccurredAt(OCCURRED_AT)
                        .setJobId("01JDJOB00000000000000000001").setTracklistId("01JDTRACKLIST0000000000001").setUserId(USER)
                        .setTotal(2).setIdentified(1).setProvisional(0).setFailed(1)
                        .setTracks(List.of(DiscoveredTrack.newBuilder().setPosition(1)
                                .setCatalogTrackId("01JDCATALOG000000000000001").setArtist("Bicep").setTitle("Glue")
                                .setVersion("Original Mix").setIsrc("GBCFB1700123").setConfidence("STRONG").setMethod("api")
                                .setSources(List.of("musicbrainz"))
                                .setExternalIds(java.util.Map.of("musicbrainz", "6e3f2c1a-2a1b-4c5d-9e8f-0a1b2c3d4e5f"))
                                .build()))
                        .build());
    }
}
