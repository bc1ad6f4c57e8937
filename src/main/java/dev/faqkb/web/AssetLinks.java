package dev.faqkb.web;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.spring6.SpringTemplateEngine;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.function.SingletonSupplier;

/**
 * Template links to static files ({@code @{/css/site.css}}) get the file's content hash,
 * so that browsers may keep them for a year ({@link StaticAssets}). Done in Thymeleaf's
 * link builder, once per link as a page is made, rather than with Spring's
 * {@code ResourceUrlEncodingFilter}: that one wraps every response and, for every other
 * link on a page, looks the address up as a file on the classpath again, a large part of
 * the cost of a page made per request (bench/README.md, "Reading the tables", the search
 * page).
 */
@Configuration(proxyBeanMethods = false)
class AssetLinks {

	@Bean
	static BeanPostProcessor assetLinksInTemplates(ObjectProvider<StaticAssets> assets) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String name) {
				if (bean instanceof SpringTemplateEngine engine) {
					engine.setLinkBuilder(new HashedAssetLinkBuilder(assets));
				}
				return bean;
			}

		};
	}

	private static final class HashedAssetLinkBuilder extends StandardLinkBuilder {

		/**
		 * A singleton bean, looked up once on the first link (not at post-processing,
		 * before the bean is made).
		 */
		private final SingletonSupplier<StaticAssets> assets;

		HashedAssetLinkBuilder(ObjectProvider<StaticAssets> assets) {
			this.assets = SingletonSupplier.of(assets::getObject);
		}

		@Override
		protected String processLink(IExpressionContext context, String link) {
			return super.processLink(context, assets.obtain().hashed(link));
		}

	}

}
