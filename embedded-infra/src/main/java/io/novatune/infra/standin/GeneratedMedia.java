package io.novatune.infra.standin;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

/**
 * The files a provider of generated music hosts, made from their names for the local stack: a WAV tone a browser
 * plays, a PNG cover it shows, and bytes labelled as a video (no encoder here; nothing checks more than the type).
 * Small enough to make in memory.
 */
final class GeneratedMedia {

    static final int VIDEO_BYTES = 1024 * 1024;

    private static final Pattern MEDIA = Pattern.compile("/media/([A-Za-z0-9._-]{1,100})\\.(wav|png|mp4)");
    private static final int SAMPLE_RATE = 22_050;
    private static final int SECONDS = 3;
    private static final int COVER_SIDE = 256;

    private GeneratedMedia() {
    }

    /** The behaviour of a {@code /media/<name>.<wav|png|mp4>} path, else {@code null}. */
    static ProviderStandIn.Behaviour behaviour(String path) {
        Matcher media = MEDIA.matcher(path);
        if (!media.matches()) {
            return null;
        }
        int seed = media.group(1).hashCode();
        return switch (media.group(2)) {
            case "wav" -> ProviderStandIn.bytes("audio/wav", tone(seed));
            case "png" -> ProviderStandIn.bytes("image/png", cover(seed));
            default -> ProviderStandIn.file("video/mp4", VIDEO_BYTES, seed);
        };
    }

    /** 16-bit mono PCM, a sine between 220 and 880 Hz chosen by the seed. */
    static byte[] tone(int seed) {
        int samples = SAMPLE_RATE * SECONDS;
        double frequency = 220 + Math.floorMod(seed, 660);
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            wav.putShort((short) (Math.sin(2 * Math.PI * frequency * i / SAMPLE_RATE) * 8_000));
        }
        return wav.array();
    }

    /** A diagonal gradient between two colours chosen by the seed. */
    static byte[] cover(int seed) {
        Color from = new Color(seed & 0xFFFFFF);
        Color to = new Color(~seed & 0xFFFFFF);
        BufferedImage image = new BufferedImage(COVER_SIDE, COVER_SIDE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < COVER_SIDE; y++) {
            for (int x = 0; x < COVER_SIDE; x++) {
                double t = (x + y) / (2.0 * (COVER_SIDE - 1));
                image.setRGB(x, y, new Color(mix(from.getRed(), to.getRed(), t), mix(from.getGreen(), to.getGreen(), t),
                        mix(from.getBlue(), to.getBlue(), t)).getRGB());
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    private static int mix(int from, int to, double t) {
        return (int) Math.round(from + (to - from) * t);
    }
}
