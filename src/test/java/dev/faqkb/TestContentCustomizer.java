package dev.faqkb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.TestPropertySourceUtils;
import org.springframework.util.ReflectionUtils;

/**
 * What {@link TestContent.Folder} does to a test class's application context. Equal when
 * the content is: the class's {@link TestContent.Setup} methods are run once, when the
 * class is bootstrapped, and the files they write are the key, so that Spring's context
 * cache gives test classes with the same content (and otherwise the same configuration)
 * one context, folder and database. Equal only for the same test class when that class
 * owns its context ({@link TestContent.OwnContext}, or a {@link TestContent} to inject).
 */
final class TestContentCustomizer implements ContextCustomizer {

	private static final String CONTENT_DIR = "faqkb.content-dir";

	/**
	 * The content, by path in the folder ({@code /} between names); a byte buffer is
	 * equal by its bytes.
	 */
	private final SortedMap<String, ByteBuffer> files;

	/**
	 * The test class whose context this is alone, or {@code null} when its context may be
	 * shared.
	 */
	private final Class<?> owner;

	private TestContentCustomizer(SortedMap<String, ByteBuffer> files, Class<?> owner) {
		this.files = files;
		this.owner = owner;
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", "jdbc:h2:mem:faqkb-test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		properties.put("spring.datasource.username", "sa");
		properties.put("spring.datasource.password", "");
		properties.put("faqkb.content.watch", "false");
		// ranking by meaning joins when its vectors are ready, in the background: tests
		// of it turn it on and wait
		properties.put("faqkb.search.semantic.enabled", "false");
		boolean classNamesAFolder = Stream.of(config.getPropertySourceProperties())
			.anyMatch(p -> p.startsWith(CONTENT_DIR + "="));
		if (!classNamesAFolder) {
			Path dir = temporaryFolder("faqkb-test-content-");
			write(dir);
			properties.put(CONTENT_DIR, dir.toString());
			ConfigurableListableBeanFactory beans = context.getBeanFactory();
			beans.registerSingleton("testContent", TestContent.in(dir));
			// Destroyed with the singletons, after the lifecycle beans (the content
			// watcher) have stopped.
			((DefaultSingletonBeanRegistry) beans).registerDisposableBean("testContentCleanup", new Cleanup(dir));
		}
		addBelowTestProperties(context.getEnvironment().getPropertySources(),
				new MapPropertySource("faqkbTestContent", properties));
	}

	private void write(Path dir) {
		try {
			for (Map.Entry<String, ByteBuffer> file : files.entrySet()) {
				Path path = dir.resolve(file.getKey());
				Files.createDirectories(path.getParent());
				Files.write(path, bytes(file.getValue()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] bytes(ByteBuffer buffer) {
		byte[] bytes = new byte[buffer.remaining()];
		buffer.duplicate().get(bytes);
		return bytes;
	}

	/**
	 * Above the application's own configuration, below the test class's
	 * {@code properties} and {@code @DynamicPropertySource}s (the PostgreSQL tests swap
	 * the database with one).
	 */
	private static void addBelowTestProperties(MutablePropertySources sources, MapPropertySource ours) {
		Stream.of("Dynamic Test Properties", TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)
			.map(sources::get)
			.filter(Objects::nonNull)
			.max(Comparator.comparingInt(sources::precedenceOf))
			.ifPresentOrElse(lowest -> sources.addAfter(lowest.getName(), ours), () -> sources.addFirst(ours));
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof TestContentCustomizer customizer && customizer.owner == owner
				&& customizer.files.equals(files);
	}

	@Override
	public int hashCode() {
		return Objects.hash(files, owner);
	}

	/**
	 * As Spring logs the context's key: the files and their sizes, and the class that
	 * owns the context.
	 */
	@Override
	public String toString() {
		StringBuilder names = new StringBuilder();
		files.forEach((name, bytes) -> names.append(names.isEmpty() ? "" : ", ")
			.append(name)
			.append(" (")
			.append(bytes.remaining())
			.append(" bytes)"));
		return "TestContent[" + names + (owner != null ? "; own context of " + owner.getName() : "") + "]";
	}

	private static Path temporaryFolder(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

	private record Cleanup(Path dir) implements DisposableBean {

		@Override
		public void destroy() throws IOException {
			delete(dir);
		}

	}

	static final class Factory implements ContextCustomizerFactory {

		@Override
		public ContextCustomizer createContextCustomizer(Class<?> testClass,
				List<ContextConfigurationAttributes> configAttributes) {
			if (!TestContextAnnotationUtils.hasAnnotation(testClass, TestContent.Folder.class)) {
				return null;
			}
			return new TestContentCustomizer(content(testClass), ownsItsContext(testClass) ? testClass : null);
		}

		/**
		 * The files {@code testClass}'s setup writes (or
		 * {@link TestContent#helpAndBilling()} without one).
		 */
		private static SortedMap<String, ByteBuffer> content(Class<?> testClass) {
			Path dir = temporaryFolder("faqkb-test-setup-");
			try {
				setUp(testClass, TestContent.in(dir));
				SortedMap<String, ByteBuffer> files = new TreeMap<>();
				try (Stream<Path> paths = Files.walk(dir)) {
					for (Path file : paths.filter(Files::isRegularFile).toList()) {
						String name = dir.relativize(file).toString().replace(dir.getFileSystem().getSeparator(), "/");
						files.put(name, ByteBuffer.wrap(Files.readAllBytes(file)).asReadOnlyBuffer());
					}
				}
				return files;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			finally {
				try {
					delete(dir);
				}
				catch (IOException ex) {
					// a temporary folder left behind; the content was read
				}
			}
		}

		private static void setUp(Class<?> testClass, TestContent content) {
			List<Method> setups = new ArrayList<>();
			ReflectionUtils.doWithMethods(testClass, setups::add,
					method -> method.isAnnotationPresent(TestContent.Setup.class));
			if (setups.isEmpty()) {
				content.helpAndBilling();
				return;
			}
			for (Method setup : setups) {
				if (!Modifier.isStatic(setup.getModifiers()) || setup.getParameterCount() != 1
						|| setup.getParameterTypes()[0] != TestContent.class) {
					throw new IllegalStateException(
							"@TestContent.Setup method " + setup + " must be static and take one TestContent");
				}
				ReflectionUtils.makeAccessible(setup);
				ReflectionUtils.invokeMethod(setup, null, content);
			}
		}

		/**
		 * Whether {@code testClass} asks for a context of its own, or can change its
		 * content: a field, constructor or method parameter of type {@link TestContent}
		 * (other than a setup's).
		 */
		private static boolean ownsItsContext(Class<?> testClass) {
			if (TestContextAnnotationUtils.hasAnnotation(testClass, TestContent.OwnContext.class)) {
				return true;
			}
			List<Class<?>> injectable = new ArrayList<>();
			ReflectionUtils.doWithFields(testClass, field -> injectable.add(field.getType()));
			ReflectionUtils.doWithMethods(testClass, method -> injectable.addAll(List.of(method.getParameterTypes())),
					method -> !method.isAnnotationPresent(TestContent.Setup.class));
			for (Constructor<?> constructor : testClass.getDeclaredConstructors()) {
				injectable.addAll(List.of(constructor.getParameterTypes()));
			}
			return injectable.contains(TestContent.class);
		}

	}

}
