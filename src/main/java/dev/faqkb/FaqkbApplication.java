package dev.faqkb;

import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FaqkbApplication {

	public static void main(String[] args) {
		Integer exit = Commands.run(List.of(args), System.out, System.err);
		if (exit != null) {
			System.exit(exit);
		}
		SpringApplication.run(FaqkbApplication.class, args);
	}

}
