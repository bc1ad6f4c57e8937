package dev.faqkb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * What {@link TestContent.Folder} does to a test class's application context. Equal only for the same test class,
 * so that every class gets a context, a content folder and a database of its own.
 */
final class TestContentCustomizer implements ContextCustomizer {

	private static final String CONTENT_DIR = "faqkb.content-dir";

	private final Class<?> testClass;

	private TestContentCustomizer(Class<?> testClass) {
		this.testClass = testClass;
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url",
				"jdbc:h2:mem:" + testClass.getSimpleName() + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		properties.put("spring.datasource.username", "sa");
		properties.put("spring.datasource.password", "");
		properties.put("faqkb.content.watch", "false");
		// ranking by meaning joins when its vectors are ready, in the background: tests of it turn it on and wait
		properties.put("faqkb.search.semantic.enabled", "false");
		boolean classNamesAFolder = Stream.of(config.getPropertySourceProperties()).anyMatch(p -> p.startsWith(CONTENT_DIR + "="));
		if (!classNamesAFolder) {
			TestContent content = TestContent.in(temporaryFolder());
			setUp(content);
			properties.put(CONTENT_DIR, content.dir().toString());
			ConfigurableListableBeanFactory beans = context.getBeanFactory();
			beans.registerSingleton("testContent", content);
			// Destroyed with the singletons, after the lifecycle beans (the content watcher) have stopped.
			((DefaultSingletonBeanRegistry) beans).registerDisposableBean("testContentCleanup", new Cleanup(content.dir()));
		}
		addBelowTestProperties(context.getEnvironment().getPropertySources(),
				new MapPropertySource("faqkbTestContent", properties));
	}

	private Path temporaryFolder() {
		try {
			return Files.createTempDirectory("faqkb-" + testClass.getSimpleName() + "-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void setUp(TestContent content) {
		List<Method> setups = new ArrayList<>();
		ReflectionUtils.doWithMethods(testClass, setups::add, method -> method.isAnnotationPresent(TestContent.Setup.class));
		if (setups.isEmpty()) {
			content.helpAndBilling();
			return;
		}
		for (Method setup : setups) {
			if (!Modifier.isStatic(setup.getModifiers()) || setup.getParameterCount() != 1
					|| setup.getParameterTypes()[0] != TestContent.class) {
				throw new IllegalStateException("@TestContent.Setup method " + setup
						+ " must be static and take one TestContent");
			}
			ReflectionUtils.makeAccessible(setup);
			ReflectionUtils.invokeMethod(setup, null, content);
		}
	}

	/**
	 * Above the application's own configuration, below the test class's {@code properties} and
	 * {@code @DynamicPropertySource}s (the PostgreSQL tests swap the database with one).
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
		return other instanceof TestContentCustomizer customizer && customizer.testClass == testClass;
	}

	@Override
	public int hashCode() {
		return testClass.hashCode();
	}

	private record Cleanup(Path dir) implements DisposableBean {

		@Override
		public void destroy() throws IOException {
			try (Stream<Path> files = Files.walk(dir)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(file);
				}
			}
		}

	}

	static final class Factory implements ContextCustomizerFactory {

		@Override
		public ContextCustomizer createContextCustomizer(Class<?> testClass,
				List<ContextConfigurationAttributes> configAttributes) {
			return TestContextAnnotationUtils.hasAnnotation(testClass, TestContent.Folder.class)
					? new TestContentCustomizer(testClass) : null;
		}

	}

}
