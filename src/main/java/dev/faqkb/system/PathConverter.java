package dev.faqkb.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Binds folder settings as plain file system paths. Boot's default conversion goes
 * through Spring's resource loading, which rejects relative paths such as
 * {@code ../content} when run from the jar.
 */
@Component
@ConfigurationPropertiesBinding
class PathConverter implements Converter<String, Path> {

	@Override
	public Path convert(String source) {
		return Path.of(source);
	}

}
