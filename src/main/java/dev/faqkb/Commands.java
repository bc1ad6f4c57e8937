package dev.faqkb;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

import dev.faqkb.importer.Importer;
import dev.faqkb.site.Validator;

/**
 * What {@code java -jar faqkb.jar ARGS} does before anything starts: {@code --help} and
 * {@code --version} print and exit, {@code validate} and {@code import} run their command
 * and exit; only anything else starts the web server (and creates {@code ./data}).
 */
final class Commands {

	static final String USAGE = """
			usage: java -jar faqkb.jar [--name=value ...]   serve the content folder (default: content) on port 8080
			       java -jar faqkb.jar validate [DIR] [--previous DIR] [--max-file-size SIZE]
			                                                check a content folder and exit (content CI)
			       java -jar faqkb.jar import SOURCE... --to DIR
			                                                bring an FAQ kept elsewhere into a content folder
			       java -jar faqkb.jar --version            print the version and exit
			       java -jar faqkb.jar --help               print this and exit
			A command's own options: java -jar faqkb.jar validate --help (or import --help).
			Settings (--faqkb.content-dir=..., --server.port=...): docs/operators.md, "Configuration".""";

	private Commands() {
	}

	/**
	 * Runs the command {@code args} name and returns its exit code, or {@code null} when
	 * the arguments are for the web server.
	 * @param args the command line as {@code main} got it
	 * @param out where usage, the version and results go
	 * @param err where usage mistakes go
	 */
	static Integer run(List<String> args, PrintStream out, PrintStream err) {
		if (args.isEmpty()) {
			return null;
		}
		List<String> rest = args.subList(1, args.size());
		return switch (args.get(0)) {
			case "-h", "--help", "help" -> {
				out.println(USAGE);
				yield 0;
			}
			case "-V", "--version", "version" -> {
				out.println("faqkb " + version());
				yield 0;
			}
			// Content CI: check a folder and exit, without starting the web server.
			case "validate" -> Validator.run(rest, out, err);
			// Bring an FAQ kept elsewhere into a content folder, likewise without the
			// server.
			case "import" -> Importer.run(rest, out, err);
			default -> null;
		};
	}

	/**
	 * The version the build wrote into {@code META-INF/build-info.properties}, or
	 * "unknown" when the classes were not built by Maven.
	 */
	static String version() {
		try (InputStream in = Commands.class.getResourceAsStream("/META-INF/build-info.properties")) {
			if (in == null) {
				return "unknown";
			}
			Properties info = new Properties();
			info.load(in);
			return info.getProperty("build.version", "unknown");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
