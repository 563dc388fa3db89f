package dev.canopy.deals;

import java.util.List;

/**
 * A registration as a partner user types or sends it; every field is checked and named when wrong.
 * {@code amount} is a decimal string, {@code expectedClose} an ISO date; {@code industry} (the customer's) is optional.
 */
public record NewDeal(
        String programId,
        String accountName,
        String website,
        String contactName,
        String contactEmail,
        String amount,
        String currency,
        List<String> products,
        String expectedClose,
        String notes,
        String industry) {}
