package dev.canopy.platform;

import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;

/** Puts a service's verdict on bad input next to the form fields it names. */
public final class Forms {

    private Forms() {}

    /**
     * Runs a form's action: its answer (a redirect, with its flash) when the service accepts it; when the
     * service refuses, the form again ({@code formAgain}), each problem beside its field and a conflict above.
     */
    public static String submit(BindingResult form, Supplier<String> action, Supplier<String> formAgain) {
        try {
            return action.get();
        } catch (InvalidInputException e) {
            reject(form, e);
        } catch (ConflictException e) {
            reject(form, e);
        }
        return formAgain.get();
    }

    /** As {@link #submit(BindingResult, Supplier, Supplier)}, the form shown again answering 400 Bad Request. */
    public static String submit(
            BindingResult form, HttpServletResponse response, Supplier<String> action, Supplier<String> formAgain) {
        return submit(form, action, () -> {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return formAgain.get();
        });
    }

    public static void reject(BindingResult form, InvalidInputException e) {
        for (InvalidInputException.FieldProblem problem : e.problems()) {
            reject(form, problem.field(), problem.message());
        }
    }

    public static void reject(BindingResult form, ConflictException e) {
        reject(form, e.field(), e.getMessage());
    }

    private static void reject(BindingResult form, String field, String message) {
        if (field != null && form.getTarget() != null && hasProperty(form, field)) {
            form.rejectValue(field, "invalid", message);
        } else {
            form.reject("invalid", message);
        }
    }

    private static boolean hasProperty(BindingResult form, String field) {
        try {
            form.getFieldType(field);
            return form.getFieldType(field) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
