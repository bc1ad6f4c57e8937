package dev.faqkb.insights;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

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
 * The owner's insights as a page, JSON and CSV. Only registered when an admin password is set; Spring Security
 * asks for it (HTTP Basic) before any of these run.
 */
@Controller
@Conditional(AdminEnabled.class)
class InsightsController {

	static final List<Integer> PERIODS = List.of(7, 30, 90);

	private final InsightsQueries queries;

	InsightsController(InsightsQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/admin/insights")
	String page(@ModelAttribute("snapshot") Snapshot snapshot, @RequestParam(defaultValue = "30") String period,
			Model model, HttpServletResponse response) {
		Insights insights = report(snapshot, period);
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		model.addAttribute("insights", insights);
		model.addAttribute("chart", Chart.of(insights.daily()));
		model.addAttribute("periods", PERIODS);
		model.addAttribute("reports", InsightsCsv.REPORTS);
		model.addAttribute("translations", Translations.of(snapshot));
		return "admin/insights";
	}

	@GetMapping("/api/admin/insights")
	@ResponseBody
	ResponseEntity<Insights> json(@ModelAttribute("snapshot") Snapshot snapshot,
			@RequestParam(defaultValue = "30") String period) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(report(snapshot, period));
	}

	@GetMapping("/admin/insights.csv")
	@ResponseBody
	ResponseEntity<String> csv(@ModelAttribute("snapshot") Snapshot snapshot,
			@RequestParam(defaultValue = "30") String period, @RequestParam(defaultValue = "top-searches") String report) {
		if (!InsightsCsv.REPORTS.contains(report)) {
			throw new BadRequestException("report must be one of " + String.join(", ", InsightsCsv.REPORTS));
		}
		Insights insights = report(snapshot, period);
		String filename = "faqkb-" + report + "-" + insights.days() + "d-" + insights.to() + ".csv";
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(InsightsCsv.write(insights, report));
	}

	private Insights report(Snapshot snapshot, String period) {
		int days = switch (period) {
			case "7" -> 7;
			case "30" -> 30;
			case "90" -> 90;
			default -> throw new BadRequestException("period must be 7, 30 or 90 (days)");
		};
		return queries.report(days, snapshot.catalog(), LocalDate.now(ZoneOffset.UTC));
	}

}
