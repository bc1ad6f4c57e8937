package dev.faqkb;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/**
 * Pictures for tests, as the bytes of a file: PNG, JPEG and GIF drawn by the JDK at any
 * size, WebP and AVIF of 64 × 48 from {@code src/test/resources/images} (the JDK writes
 * neither).
 */
public final class TestImages {

	private TestImages() {
	}

	/** A PNG of {@code width} × {@code height} with a transparent background. */
	public static byte[] png(int width, int height) {
		return draw("png", width, height, BufferedImage.TYPE_INT_ARGB);
	}

	public static byte[] jpeg(int width, int height) {
		return draw("jpeg", width, height, BufferedImage.TYPE_INT_RGB);
	}

	public static byte[] gif(int width, int height) {
		return draw("gif", width, height, BufferedImage.TYPE_INT_RGB);
	}

	/** A WebP of 64 × 48. */
	public static byte[] webp() {
		return resource("shape-64x48.webp");
	}

	/** An AVIF of 64 × 48. */
	public static byte[] avif() {
		return resource("shape-64x48.avif");
	}

	private static byte[] draw(String format, int width, int height, int type) {
		BufferedImage image = new BufferedImage(width, height, type);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(20, 90, 200));
		graphics.fillOval(0, 0, width, height);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static byte[] resource(String name) {
		try (InputStream in = TestImages.class.getResourceAsStream("/images/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
