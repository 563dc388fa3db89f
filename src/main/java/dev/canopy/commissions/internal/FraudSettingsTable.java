package dev.canopy.commissions.internal;

import dev.canopy.commissions.FraudSettings;
import dev.canopy.shared.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The workspace's fraud rules; the defaults until someone saves them. */
@Repository
public class FraudSettingsTable {

    private final JdbcClient db;

    FraudSettingsTable(JdbcClient db) {
        this.db = db;
    }

    public FraudSettings get(WorkspaceId workspace) {
        return db.sql("""
                        select self_referral, duplicate_accounts, paid_ads, refund_rate_percent, refund_rate_min_sales
                        from commissions_fraud_settings where workspace_id = ?
                        """)
                .param(workspace.value())
                .query((rs, n) -> new FraudSettings(
                        rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBigDecimal(4), rs.getInt(5)))
                .optional()
                .orElse(FraudSettings.DEFAULTS);
    }

    public void save(WorkspaceId workspace, FraudSettings s) {
        db.sql("""
                        insert into commissions_fraud_settings (workspace_id, self_referral, duplicate_accounts, paid_ads,
                            refund_rate_percent, refund_rate_min_sales)
                        values (?, ?, ?, ?, ?, ?) on conflict (workspace_id) do update
                        set self_referral = excluded.self_referral, duplicate_accounts = excluded.duplicate_accounts,
                            paid_ads = excluded.paid_ads, refund_rate_percent = excluded.refund_rate_percent,
                            refund_rate_min_sales = excluded.refund_rate_min_sales
                        """)
                .params(
                        workspace.value(),
                        s.selfReferral(),
                        s.duplicateAccounts(),
                        s.paidAds(),
                        s.refundRatePercent(),
                        s.refundRateMinSales())
                .update();
    }
}
