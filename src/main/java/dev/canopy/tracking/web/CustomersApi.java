package dev.canopy.tracking.web;

import dev.canopy.partners.PartnerId;
import dev.canopy.tracking.CustomerView;
import dev.canopy.tracking.Customers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers", description = "Customers learned from leads and sales, with their attribution evidence")
class CustomersApi {

    record CustomerList(List<CustomerView> data, @Nullable String nextCursor) {}

    private final Customers customers;

    CustomersApi(Customers customers) {
        this.customers = customers;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('tracking:read')")
    @Operation(summary = "List customers", description = "Newest first; pass nextCursor as cursor for the next page.")
    CustomerList listCustomers(
            @RequestParam(required = false) UUID partnerId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Customers.CustomerPage page =
                customers.list(partnerId == null ? null : new PartnerId(partnerId), q, cursor, limit);
        return new CustomerList(page.customers(), page.nextCursor());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('tracking:read')")
    @Operation(summary = "One customer, with every attribution decision and conversion")
    CustomerView getCustomer(@PathVariable UUID id) {
        return customers.get(id);
    }
}
