package dev.faqkb.system;

import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every template is an HTML page, so every page says {@code text/html}. Thymeleaf
 * otherwise takes the content type from the address's extension when the browser accepts
 * anything: the 404 page for {@code /nothing.xml} went out as {@code application/xml},
 * and for {@code /nothing.txt} as {@code text/plain}.
 */
@Configuration(proxyBeanMethods = false)
class HtmlPages {

	@Bean
	static BeanPostProcessor htmlPagesAreHtml() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof ThymeleafViewResolver resolver) {
					resolver.setForceContentType(true);
				}
				return bean;
			}
		};
	}

}
