package dev.faqkb.web;

import dev.faqkb.site.AnswerViews;
import dev.faqkb.site.SearchListener;
import dev.faqkb.site.SnapshotStore;
import dev.faqkb.system.FilterOrder;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

@Configuration(proxyBeanMethods = false)
class CachedPagesConfiguration {

	@Bean
	FilterRegistrationBean<CachedPagesFilter> cachedPages(SnapshotStore store, PageCache pages, StaticAssets assets,
			AnswerViews views, SearchListener searches, ContentFileReplies files, ApiReplies api,
			LocaleResolver locales) {
		FilterRegistrationBean<CachedPagesFilter> registration = new FilterRegistrationBean<>(
				new CachedPagesFilter(store, pages, assets, views, searches, files, new NewApiRequests(api), locales));
		registration.setOrder(FilterOrder.CACHED_PAGES);
		return registration;
	}

}
