package dev.faqkb;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Dependencies point one way: content ← search ← site ← the features (web, feedback,
 * insights, ask, integrations), each on its own; the importer (a command, not a feature
 * of the site) on content alone; system under all of them. A feature that needs another's
 * work goes through a contract in site.
 */
class PackageDependencyTest {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.faqkb");

	static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
		.layer("application")
		.definedBy("dev.faqkb")
		.layer("web")
		.definedBy("dev.faqkb.web..")
		.layer("feedback")
		.definedBy("dev.faqkb.feedback..")
		.layer("insights")
		.definedBy("dev.faqkb.insights..")
		.layer("ask")
		.definedBy("dev.faqkb.ask..")
		.layer("integrations")
		.definedBy("dev.faqkb.integrations..")
		.layer("importer")
		.definedBy("dev.faqkb.importer..")
		.layer("site")
		.definedBy("dev.faqkb.site..")
		.layer("search")
		.definedBy("dev.faqkb.search..")
		.layer("content")
		.definedBy("dev.faqkb.content..")
		.layer("system")
		.definedBy("dev.faqkb.system..")
		.whereLayer("application")
		.mayNotBeAccessedByAnyLayer()
		.whereLayer("web")
		.mayOnlyAccessLayers("site", "search", "content", "system")
		.whereLayer("feedback")
		.mayOnlyAccessLayers("site", "search", "content", "system")
		.whereLayer("insights")
		.mayOnlyAccessLayers("site", "search", "content", "system")
		.whereLayer("ask")
		.mayOnlyAccessLayers("site", "search", "content", "system")
		.whereLayer("integrations")
		.mayOnlyAccessLayers("site", "search", "content", "system")
		.whereLayer("importer")
		.mayOnlyAccessLayers("content", "system")
		.whereLayer("site")
		.mayOnlyAccessLayers("search", "content", "system")
		.whereLayer("search")
		.mayOnlyAccessLayers("content", "system")
		.whereLayer("content")
		.mayOnlyAccessLayers("system")
		.whereLayer("system")
		.mayNotAccessAnyLayer();

	static final ArchRule NO_CYCLES = slices().matching("dev.faqkb.(*)..").should().beFreeOfCycles();

	@Test
	void packagesDependOnlyDownwardsFromTheFeaturesThroughSiteSearchAndContentToSystem() {
		LAYERS.check(MAIN);
	}

	@Test
	void noTwoPackagesDependOnEachOther() {
		NO_CYCLES.check(MAIN);
	}

}
