package dev.faqkb.content;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.gif.GifHeaderDirectory;
import com.drew.metadata.heif.HeifDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.png.PngDirectory;
import com.drew.metadata.webp.WebpDirectory;

/**
 * The size an image is shown at, read from its header: what {@code width} and
 * {@code height} on {@code <img>} need so that the page does not move when it arrives.
 * Raster images through metadata-extractor, which reads PNG, JPEG, GIF, WebP and AVIF
 * headers without decoding a pixel (the JDK's ImageIO knows neither WebP nor AVIF); SVG
 * from its root element's {@code width} and {@code height}, or its {@code viewBox}.
 */
final class ImageSizes {

	/** A width and height in CSS pixels. */
	record Size(int width, int height) {
	}

	private static final XMLInputFactory XML = XMLInputFactory.newFactory();

	static {
		// An SVG is the author's, but reading it must never fetch anything or expand
		// entities.
		XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
	}

	// A length in CSS pixels: a number, optionally with "px".
	private static final Pattern PIXELS = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(?:px)?\\s*");

	private static final Pattern VIEW_BOX = Pattern
		.compile("\\s*-?[\\d.]+[\\s,]+-?[\\d.]+[\\s,]+(\\d+(?:\\.\\d+)?)[\\s,]+(\\d+(?:\\.\\d+)?)\\s*");

	private ImageSizes() {
	}

	/**
	 * @param content the whole file
	 * @return its size; empty for an SVG that sets none (it scales to the column), or an
	 * image that cannot be read
	 */
	static Optional<Size> of(byte[] content, String contentType) {
		return contentType.equals("image/svg+xml") ? svg(content) : raster(content);
	}

	private static Optional<Size> raster(byte[] content) {
		Metadata metadata;
		try {
			metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(content), content.length);
		}
		catch (ImageProcessingException | IOException ex) {
			return Optional.empty();
		}
		Size size = first(metadata, PngDirectory.class, PngDirectory.TAG_IMAGE_WIDTH, PngDirectory.TAG_IMAGE_HEIGHT);
		size = size != null ? size
				: first(metadata, JpegDirectory.class, JpegDirectory.TAG_IMAGE_WIDTH, JpegDirectory.TAG_IMAGE_HEIGHT);
		size = size != null ? size : first(metadata, GifHeaderDirectory.class, GifHeaderDirectory.TAG_IMAGE_WIDTH,
				GifHeaderDirectory.TAG_IMAGE_HEIGHT);
		size = size != null ? size
				: first(metadata, WebpDirectory.class, WebpDirectory.TAG_IMAGE_WIDTH, WebpDirectory.TAG_IMAGE_HEIGHT);
		size = size != null ? size
				: first(metadata, HeifDirectory.class, HeifDirectory.TAG_IMAGE_WIDTH, HeifDirectory.TAG_IMAGE_HEIGHT);
		if (size == null) {
			return Optional.empty();
		}
		ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
		Integer orientation = exif != null ? exif.getInteger(ExifIFD0Directory.TAG_ORIENTATION) : null;
		// Orientations 5 to 8 turn the picture a quarter: browsers show it turned, so its
		// width is the stored height.
		return Optional.of(orientation != null && orientation >= 5 && orientation <= 8
				? new Size(size.height(), size.width()) : size);
	}

	/**
	 * The size in the first directory of {@code type} that has one (HEIF puts its brand
	 * and its size apart).
	 */
	private static Size first(Metadata metadata, Class<? extends Directory> type, int widthTag, int heightTag) {
		for (Directory directory : metadata.getDirectoriesOfType(type)) {
			Integer width = directory.getInteger(widthTag);
			Integer height = directory.getInteger(heightTag);
			if (width != null && height != null && width > 0 && height > 0) {
				return new Size(width, height);
			}
		}
		return null;
	}

	private static Optional<Size> svg(byte[] content) {
		try {
			XMLStreamReader reader = XML.createXMLStreamReader(new ByteArrayInputStream(content));
			try {
				while (reader.hasNext()) {
					if (reader.next() == XMLStreamConstants.START_ELEMENT) {
						return svgSize(reader.getAttributeValue(null, "width"),
								reader.getAttributeValue(null, "height"), reader.getAttributeValue(null, "viewBox"));
					}
				}
				return Optional.empty();
			}
			finally {
				reader.close();
			}
		}
		catch (XMLStreamException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Pixels when both are given in pixels; else the view box's size, which the browser
	 * scales to the column.
	 */
	private static Optional<Size> svgSize(String width, String height, String viewBox) {
		Matcher w = width != null ? PIXELS.matcher(width) : null;
		Matcher h = height != null ? PIXELS.matcher(height) : null;
		if (w != null && h != null && w.matches() && h.matches()) {
			return size(w.group(1), h.group(1));
		}
		Matcher box = viewBox != null ? VIEW_BOX.matcher(viewBox) : null;
		return box != null && box.matches() ? size(box.group(1), box.group(2)) : Optional.empty();
	}

	private static Optional<Size> size(String width, String height) {
		int w = (int) Math.round(Double.parseDouble(width));
		int h = (int) Math.round(Double.parseDouble(height));
		return w > 0 && h > 0 ? Optional.of(new Size(w, h)) : Optional.empty();
	}

}
