package io.novatune.infra.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GeneratedMediaTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_local_provider_serves_a_tone_a_picture_and_a_video_made_from_their_names_and_the_same_bytes_each_time()
            throws Exception {
        try (ProviderStandIn provider = ProviderStandIn.start(0).withGeneratedMedia()) {
            HttpResponse<byte[]> tone = get(provider.link("/media/demo.wav"));
            HttpResponse<byte[]> cover = get(provider.link("/media/demo.png"));
            HttpResponse<byte[]> video = get(provider.link("/media/demo.mp4"));

            assertThat(tone.headers().firstValue("Content-Type")).hasValue("audio/wav");
            assertThat(new String(tone.body(), 0, 4)).isEqualTo("RIFF");
            assertThat(cover.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(ImageIO.read(new ByteArrayInputStream(cover.body())).getWidth()).isEqualTo(256);
            assertThat(video.headers().firstValue("Content-Type")).hasValue("video/mp4");
            assertThat(video.body()).hasSize(GeneratedMedia.VIDEO_BYTES);
            assertThat(get(provider.link("/media/demo.wav")).body()).isEqualTo(tone.body());
            assertThat(get(provider.link("/media/other.wav")).body()).isNotEqualTo(tone.body());
            assertThat(get(provider.link("/media/../etc.wav")).statusCode()).isEqualTo(404);
        }
    }

    private HttpResponse<byte[]> get(String link) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
