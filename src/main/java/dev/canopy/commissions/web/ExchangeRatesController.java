package dev.canopy.commissions.web;

import dev.canopy.commissions.ExchangeRate;
import dev.canopy.commissions.ExchangeRates;
import dev.canopy.platform.Forms;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Texts;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Exchange rates: the list, one rate typed in, or a CSV imported whole. */
@Controller
@RequestMapping("/app/exchange-rates")
class ExchangeRatesController {

    record RateForm(String base, String quote, String effectiveOn, String rate) {}

    private final ExchangeRates rates;

    ExchangeRatesController(ExchangeRates rates) {
        this.rates = rates;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('commissions:read')")
    String list(Model model) {
        model.addAttribute("rates", rates.list());
        if (!model.containsAttribute("rateForm")) {
            model.addAttribute("rateForm", new RateForm("", "", "", ""));
        }
        if (!model.containsAttribute("importProblems")) {
            model.addAttribute("importProblems", List.of());
        }
        return "commissions/exchange-rates";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('commissions:write')")
    String enter(
            @ModelAttribute("rateForm") RateForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return Forms.submit(
                result,
                response,
                () -> {
                    ExchangeRate rate = rates.enter(form.base(), form.quote(), form.effectiveOn(), form.rate());
                    redirect.addFlashAttribute(
                            "flash",
                            "1 " + rate.base() + " = " + rate.rate().toPlainString() + " " + rate.quote() + " from "
                                    + rate.effectiveOn() + " is saved.");
                    return "redirect:/app/exchange-rates";
                },
                () -> list(model));
    }

    @PostMapping("/import")
    @PreAuthorize("hasAuthority('commissions:write')")
    String importCsv(
            @RequestParam(required = false) MultipartFile file,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            int count = rates.importCsv(reader(file));
            redirect.addFlashAttribute("flash", count + (count == 1 ? " rate" : " rates") + " imported.");
            return "redirect:/app/exchange-rates";
        } catch (InvalidInputException e) {
            model.addAttribute(
                    "importProblems",
                    e.problems().stream().map(ExchangeRatesController::line).toList());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return list(model);
        }
    }

    private static Reader reader(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "Choose a CSV file with the columns base,quote,effective_on,rate");
        }
        try {
            return new StringReader(Texts.utf8(file.getBytes(), "file"));
        } catch (IOException e) {
            throw new InvalidInputException("file", "The file could not be read");
        }
    }

    /** "row 3.effectiveOn" → "Row 3, effective_on: Enter a date as YYYY-MM-DD", in the file's column names. */
    private static String line(InvalidInputException.FieldProblem p) {
        String field = p.field();
        int dot = field.indexOf('.');
        if (field.startsWith("row ") && dot > 0) {
            String column = field.substring(dot + 1).equals("effectiveOn") ? "effective_on" : field.substring(dot + 1);
            return "Row " + field.substring(4, dot) + ", " + column + ": " + p.message();
        }
        return p.message();
    }
}
