package dev.canopy.comarketing;

/** A partner's request for funds: the budget, the activity (type, title, what it is, dates) and its planned cost. */
public record FundRequestInput(
        String budgetId,
        String activityType,
        String title,
        String description,
        String startsOn,
        String endsOn,
        String plannedCost,
        String expectedLeads) {}
