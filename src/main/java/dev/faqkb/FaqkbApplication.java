package dev.faqkb;

import java.util.List;

import dev.faqkb.importer.Importer;
import dev.faqkb.site.Validator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FaqkbApplication {

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("validate")) {
			// Content CI: check a folder and exit, without starting the web server.
			System.exit(Validator.run(List.of(args).subList(1, args.length), System.out, System.err));
		}
		if (args.length > 0 && args[0].equals("import")) {
			// Bring an FAQ kept elsewhere into a content folder, likewise without the web
			// server.
			System.exit(Importer.run(List.of(args).subList(1, args.length), System.out, System.err));
		}
		SpringApplication.run(FaqkbApplication.class, args);
	}

}
