package dev.faqkb.insights;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import dev.faqkb.site.Period;
import dev.faqkb.site.Snapshot;
import dev.faqkb.system.AdminEnabled;
import dev.faqkb.system.BadRequestException;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The owner's insights as a page, JSON and CSV. Only registered when an admin password is
 * set; Spring Security asks for it (HTTP Basic) before any of these run.
 */
@Controller
@Conditional(AdminEnabled.class)
class InsightsController {

	private final InsightsQueries queries;

	InsightsController(InsightsQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/admin/insights")
	String page(@ModelAttribute("snapshot") Snapshot snapshot, @RequestParam(required = false) String period,
			Model model, HttpServletResponse response) {
		Insights insights = report(snapshot, period);
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		model.addAttribute("insights", insights);
		model.addAttribute("chart", Chart.of(insights.daily()));
		model.addAttribute("periods", List.of(Period.values()));
		model.addAttribute("reports", InsightsCsv.REPORTS);
		model.addAttribute("translations", Translations.of(snapshot));
		return "admin/insights";
	}

	@GetMapping("/api/admin/insights")
	@ResponseBody
	ResponseEntity<Insights> json(@ModelAttribute("snapshot") Snapshot snapshot,
			@RequestParam(required = false) String period) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(report(snapshot, period));
	}

	@GetMapping("/admin/insights.csv")
	@ResponseBody
	ResponseEntity<String> csv(@ModelAttribute("snapshot") Snapshot snapshot,
			@RequestParam(required = false) String period, @RequestParam(defaultValue = "top-searches") String report) {
		if (!InsightsCsv.REPORTS.contains(report)) {
			throw new BadRequestException("report must be one of " + String.join(", ", InsightsCsv.REPORTS));
		}
		Insights insights = report(snapshot, period);
		String filename = "faqkb-" + report + "-" + insights.days() + "d-" + insights.to() + ".csv";
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.body(InsightsCsv.write(insights, report));
	}

	private Insights report(Snapshot snapshot, String period) {
		return queries.report(Period.parse(period), snapshot.catalog(), LocalDate.now(ZoneOffset.UTC));
	}

}
