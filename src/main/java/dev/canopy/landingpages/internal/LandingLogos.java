package dev.canopy.landingpages.internal;

import dev.canopy.shared.InvalidInputException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import net.coobird.thumbnailator.Thumbnails;

/**
 * A partner's logo as uploaded, made safe to show: only PNG, JPEG or WebP by their bytes (whatever the file is
 * called), at most {@link #MAX_BYTES}, decoded and redrawn by Thumbnailator into a PNG that fits {@link #WIDTH} ×
 * {@link #HEIGHT}, keeping its proportions. What is stored is always the redrawn PNG, never the bytes sent. ADR 31.
 */
public final class LandingLogos {

    public static final int MAX_BYTES = 2 * 1024 * 1024;
    public static final int WIDTH = 320;
    public static final int HEIGHT = 120;

    // A small file may still declare a huge canvas; refuse it before decoding a single pixel.
    private static final int MAX_SIDE = 8000;

    static {
        // The WebP reader registers itself with ImageIO through the service loader; a packaged application's class
        // loader may not be the one ImageIO scanned at start.
        ImageIO.scanForPlugins();
    }

    /** The logo as stored: a PNG and its size in pixels. */
    public record Resized(byte[] png, int width, int height) {}

    private LandingLogos() {}

    public static Resized resize(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException("logo", "Choose an image file");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException("logo", "Use an image of at most 2 MB");
        }
        if (!isPng(bytes) && !isJpeg(bytes) && !isWebp(bytes)) {
            throw new InvalidInputException("logo", "Use a PNG, JPEG or WebP image");
        }
        BufferedImage image = decode(bytes);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            boolean fits = image.getWidth() <= WIDTH && image.getHeight() <= HEIGHT;
            Thumbnails.Builder<BufferedImage> builder = Thumbnails.of(image);
            (fits ? builder.scale(1.0) : builder.size(WIDTH, HEIGHT).keepAspectRatio(true))
                    .outputFormat("png")
                    .toOutputStream(out);
            byte[] png = out.toByteArray();
            BufferedImage resized = ImageIO.read(new ByteArrayInputStream(png));
            return new Resized(png, resized.getWidth(), resized.getHeight());
        } catch (IOException e) {
            throw new InvalidInputException("logo", "This image could not be read; save it again as PNG");
        }
    }

    private static BufferedImage decode(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InvalidInputException("logo", "Use a PNG, JPEG or WebP image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if (reader.getWidth(0) > MAX_SIDE || reader.getHeight(0) > MAX_SIDE) {
                    throw new InvalidInputException("logo", "Use an image of at most 8000 pixels a side");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("logo", "This image could not be read; save it again as PNG");
        }
    }

    private static boolean isPng(byte[] b) {
        return starts(b, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    }

    private static boolean isJpeg(byte[] b) {
        return starts(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
    }

    private static boolean isWebp(byte[] b) {
        return starts(b, new byte[] {'R', 'I', 'F', 'F'})
                && b.length >= 12
                && Arrays.equals(Arrays.copyOfRange(b, 8, 12), new byte[] {'W', 'E', 'B', 'P'});
    }

    private static boolean starts(byte[] b, byte[] magic) {
        return b.length >= magic.length && Arrays.equals(Arrays.copyOf(b, magic.length), magic);
    }
}
