package dev.canopy.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

class FlashTest {

    @Test
    void theOutcomeOrWhatWasWrongIsOnThePageReturnedTo() {
        RedirectAttributesModelMap done = new RedirectAttributesModelMap();
        assertThat(Flash.after(done, "/app/deals/1", () -> "Approved.")).isEqualTo("redirect:/app/deals/1");
        assertThat(done.getFlashAttributes().get("flash")).isEqualTo("Approved.");

        RedirectAttributesModelMap invalid = new RedirectAttributesModelMap();
        Flash.after(invalid, "/app/deals/1", () -> {
            throw new InvalidInputException(List.of(
                    new InvalidInputException.FieldProblem("opportunityOpenedOn", "Enter a date"),
                    new InvalidInputException.FieldProblem("amount", "Enter an amount")));
        });
        assertThat(invalid.getFlashAttributes().get("flashError"))
                .isEqualTo("Opportunity opened on: Enter a date; Amount: Enter an amount");
        assertThat(invalid.getFlashAttributes()).doesNotContainKey("flash");

        RedirectAttributesModelMap conflict = new RedirectAttributesModelMap();
        Flash.after(conflict, "/app/deals/1", () -> {
            throw new ConflictException(null, "The protection ended");
        });
        assertThat(conflict.getFlashAttributes().get("flashError")).isEqualTo("The protection ended");
    }
}
