package dev.faqkb;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FaqkbApplication {

	public static void main(String[] args) {
		SpringApplication.run(FaqkbApplication.class, args);
	}

}
