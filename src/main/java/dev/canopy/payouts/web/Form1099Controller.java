package dev.canopy.payouts.web;

import dev.canopy.payouts.Form1099Report;
import dev.canopy.payouts.Form1099Year;
import dev.canopy.payouts.PayoutDocument;
import dev.canopy.payouts.internal.Form1099Csv;
import dev.canopy.platform.Flash;
import dev.canopy.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The US 1099 report of a year, on screen and as CSV; a year that is not one is a 400 that says why. */
@Controller
@PreAuthorize("hasAuthority('payouts:read')")
class Form1099Controller {

    private final Form1099Report reports;

    Form1099Controller(Form1099Report reports) {
        this.reports = reports;
    }

    @GetMapping("/app/payouts/1099")
    String report(@RequestParam(required = false) String year, Model model, HttpServletResponse response) {
        model.addAttribute("years", reports.years());
        try {
            Form1099Year report = reports.report(year);
            model.addAttribute("report", report);
            model.addAttribute("year", report.year());
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("yearError", Flash.message(e));
        }
        return "payouts/form1099";
    }

    @GetMapping("/app/payouts/1099.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String year) {
        try {
            Form1099Year report = reports.report(year);
            return Downloads.of(new PayoutDocument(
                    "form-1099-" + report.year() + ".csv", "text/csv; charset=UTF-8", Form1099Csv.write(report)));
        } catch (InvalidInputException e) {
            return ResponseEntity.badRequest()
                    .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                    .body(Flash.message(e).getBytes(StandardCharsets.UTF_8));
        }
    }
}
