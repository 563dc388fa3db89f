package dev.canopy.commissions;

import dev.canopy.audit.AuditLog;
import dev.canopy.commissions.internal.FraudSettingsTable;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.InvalidInputException.FieldProblem;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which fraud rules hold a workspace's new commissions for review. A change applies to commissions made
 * from then on; those already held stay held until someone releases or declines them.
 */
@Service
public class FraudRules {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final FraudSettingsTable table;
    private final CurrentWorkspace currentWorkspace;
    private final AuditLog audit;

    FraudRules(FraudSettingsTable table, CurrentWorkspace currentWorkspace, AuditLog audit) {
        this.table = table;
        this.currentWorkspace = currentWorkspace;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public FraudSettings fraudSettings() {
        return table.get(currentWorkspace.id());
    }

    @Transactional
    public FraudSettings saveFraudSettings(FraudSettingsDraft draft) {
        WorkspaceId workspace = currentWorkspace.id();
        FraudSettings before = table.get(workspace);
        FraudSettings after = check(draft);
        table.save(workspace, after);
        audit.record("commissions.fraud-settings", "fraud-settings", null, before, after);
        return after;
    }

    private static FraudSettings check(FraudSettingsDraft d) {
        List<FieldProblem> problems = new ArrayList<>();
        BigDecimal percent = null;
        if (d.refundRatePercent() != null && !d.refundRatePercent().isBlank()) {
            try {
                percent = new BigDecimal(
                        d.refundRatePercent().strip().replace("%", "").strip());
                if (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0) {
                    problems.add(new FieldProblem("refundRatePercent", "Enter a percentage above 0 and at most 100"));
                } else if (percent.scale() > 2) {
                    problems.add(new FieldProblem("refundRatePercent", "Use at most two decimals"));
                }
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("refundRatePercent", "Enter a percentage, like 20, or leave it blank"));
            }
        }
        int minSales = 0;
        try {
            minSales = Integer.parseInt(
                    d.refundRateMinSales() == null ? "" : d.refundRateMinSales().strip());
        } catch (NumberFormatException e) {
            minSales = 0;
        }
        if (minSales < 1) {
            problems.add(new FieldProblem("refundRateMinSales", "Enter a whole number of sales, 1 or more"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new FraudSettings(d.selfReferral(), d.duplicateAccounts(), d.paidAds(), percent, minSales);
    }
}
