package dev.faqkb.search.semantic;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dev.faqkb.RunningJar;
import dev.faqkb.TestContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar carries semantic search's natives for the platforms it names
 * ({@link SemanticSearch#PLATFORMS}) and no debug symbols; where the native library
 * cannot load, the site starts, searches by words and says why in one line.
 */
class SemanticPlatformsIT {

	@TempDir
	Path dir;

	@Test
	void jarHasTheNativesOfTheFourPlatformsAndNoDebugSymbols() throws IOException {
		List<String> entries = entries(RunningJar.jar());
		assertThat(entries).contains("BOOT-INF/classes/ai/onnxruntime/native/linux-x64/libonnxruntime.so",
				"BOOT-INF/classes/ai/onnxruntime/native/linux-x64/libonnxruntime4j_jni.so",
				"BOOT-INF/classes/ai/onnxruntime/native/linux-aarch64/libonnxruntime.so",
				"BOOT-INF/classes/ai/onnxruntime/native/linux-aarch64/libonnxruntime4j_jni.so",
				"BOOT-INF/classes/ai/onnxruntime/native/osx-aarch64/libonnxruntime.dylib",
				"BOOT-INF/classes/ai/onnxruntime/native/osx-aarch64/libonnxruntime4j_jni.dylib",
				"BOOT-INF/classes/ai/onnxruntime/native/win-x64/onnxruntime.dll",
				"BOOT-INF/classes/ai/onnxruntime/native/win-x64/onnxruntime4j_jni.dll",
				"BOOT-INF/classes/ai/onnxruntime/OrtEnvironment.class");
		// the tokenizer is Java (WordPieceTokenizer): no native library of its own, nor
		// the jars that loaded one
		assertThat(entries)
			.noneMatch(name -> name.startsWith("BOOT-INF/lib/tokenizers-") || name.startsWith("BOOT-INF/lib/api-")
					|| name.startsWith("BOOT-INF/lib/jna-") || name.startsWith("BOOT-INF/lib/langchain4j-embeddings-1")
					|| name.startsWith("BOOT-INF/lib/gson-") || name.startsWith("BOOT-INF/lib/commons-compress-"));
		assertThat(entries).noneMatch(name -> name.endsWith(".pdb") || name.contains(".dSYM/"))
			.noneMatch(name -> name.contains("/onnxruntime-") && name.endsWith(".jar"))
			.noneMatch(name -> name.contains("/osx-x64/") || name.contains("/osx-x86_64/"));
	}

	@Test
	void withoutItsNativeLibraryTheSiteSearchesByWordsAndSaysWhyOnce() throws Exception {
		Path content = TestContent.write(Files.createDirectories(dir.resolve("content")));
		// ONNX Runtime loads its library from this folder instead of its own copy: an
		// empty one fails as a platform without a bundled library does
		Path noLibraries = Files.createDirectories(dir.resolve("no-native-libraries"));
		List<String> args = List.of("--faqkb.content-dir=" + content, "--faqkb.content.watch=false",
				"--faqkb.data-dir=" + dir.resolve("data"));
		try (RunningJar app = RunningJar.start(dir.resolve("app.log"),
				List.of("-Donnxruntime.native.path=" + noLibraries), args)) {
			HttpClient client = HttpClient.newHttpClient();
			URI base = URI.create("http://127.0.0.1:" + app.port());
			await().atMost(Duration.ofSeconds(60))
				.until(() -> app.output().contains("cannot load the embedding model"));
			HttpResponse<String> search = client.send(
					HttpRequest.newBuilder(base.resolve("/api/search?q=reset%20password")).build(),
					HttpResponse.BodyHandlers.ofString());
			HttpResponse<String> home = client.send(HttpRequest.newBuilder(base.resolve("/")).build(),
					HttpResponse.BodyHandlers.ofString());

			assertThat(search.statusCode()).isEqualTo(200);
			assertThat(search.body()).contains("\"match\":\"lexical\"").doesNotContain("\"match\":\"both\"");
			assertThat(home.statusCode()).isEqualTo(200);
			assertThat(app.output().lines().filter(line -> line.contains("Semantic search"))).singleElement()
				.asString()
				.contains("Semantic search is off, search stays lexical: cannot load the embedding model on "
						+ System.getProperty("os.name"))
				.contains(noLibraries.toString())
				.endsWith("the jar has its native libraries for " + SemanticSearch.PLATFORMS + ")");
		}
	}

	/** The jar's entries, and those of the jars in it as {@code jar!entry}. */
	private static List<String> entries(Path jar) throws IOException {
		List<String> names = new ArrayList<>();
		try (JarFile file = new JarFile(jar.toFile())) {
			for (JarEntry entry : Collections.list(file.entries())) {
				names.add(entry.getName());
				if (entry.getName().endsWith(".jar")) {
					try (InputStream in = file.getInputStream(entry); ZipInputStream nested = new ZipInputStream(in)) {
						String prefix = entry.getName() + "!";
						for (ZipEntry inner = nested.getNextEntry(); inner != null; inner = nested.getNextEntry()) {
							names.add(prefix + inner.getName());
						}
					}
				}
			}
		}
		return names;
	}

}
