package dev.canopy.deals.web;

import dev.canopy.deals.AccountMapping;
import dev.canopy.deals.AccountMappingView;
import dev.canopy.deals.MappedAccount;
import dev.canopy.deals.MappingSummary;
import dev.canopy.deals.SharingLevel;
import dev.canopy.partners.PartnerId;
import dev.canopy.platform.Pages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/account-mapping")
@Tag(
        name = "Account mapping",
        description = "The vendor's account list and, per partner, what both sharing levels allow of the overlap")
class AccountMappingApi {

    record SharingLevelRequest(
            @Schema(implementation = SharingLevel.class) String level) {}

    record AccountUploadResult(int accounts) {}

    record MappedAccountList(
            List<MappedAccount> data, @Nullable String nextCursor) {}

    record MappingSummaryList(
            List<MappingSummary> data, @Nullable String nextCursor) {}

    private final AccountMapping mapping;

    AccountMappingApi(AccountMapping mapping) {
        this.mapping = mapping;
    }

    @GetMapping("/accounts")
    @PreAuthorize("hasAuthority('deals:read')")
    @Operation(summary = "The vendor's account list")
    MappedAccountList listMappedAccounts(
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        AccountMapping.AccountPage page = mapping.vendorAccounts(cursor, limit);
        return new MappedAccountList(page.accounts(), page.nextCursor());
    }

    @PutMapping(path = "/accounts", consumes = "text/csv")
    @PreAuthorize("hasAuthority('deals:write')")
    @Operation(
            summary = "Replace the vendor's account list",
            description = "A CSV body with the columns name, domain, status (customer, open opportunity, prospect).")
    AccountUploadResult uploadAccounts(@RequestBody String csv) {
        return new AccountUploadResult(mapping.uploadVendorAccounts(csv));
    }

    @GetMapping("/partners")
    @PreAuthorize("hasAuthority('deals:read')")
    @Operation(summary = "Every partnership with its sharing levels and the counts both allow")
    MappingSummaryList listAccountMappingPartners(
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Pages.Page<MappingSummary> page =
                Pages.of(mapping.overview(), m -> m.partnerId().toString(), cursor, limit);
        return new MappingSummaryList(page.items(), page.nextCursor());
    }

    @GetMapping("/partners/{partnerId}")
    @PreAuthorize("hasAuthority('deals:read')")
    @Operation(
            summary = "The mapping with one partner, as the vendor sees it",
            description = "Counts from COUNTS, overlapping accounts and the co-sell list from OVERLAPS, the partner's"
                    + " whole list at FULL — at the lower of the two sides' levels.")
    AccountMappingView getAccountMapping(@PathVariable UUID partnerId) {
        return mapping.forPartner(new PartnerId(partnerId));
    }

    @PutMapping("/partners/{partnerId}/sharing")
    @PreAuthorize("hasAuthority('deals:write')")
    @Operation(summary = "Set how much of the vendor's list this partner may see: HIDDEN, COUNTS, OVERLAPS, FULL")
    AccountMappingView setAccountSharing(@PathVariable UUID partnerId, @RequestBody SharingLevelRequest request) {
        return mapping.setVendorLevel(new PartnerId(partnerId), request.level());
    }
}
