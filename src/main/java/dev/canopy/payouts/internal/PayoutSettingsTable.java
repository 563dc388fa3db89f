package dev.canopy.payouts.internal;

import dev.canopy.payouts.PayoutSettings;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PayoutSettingsTable {

    private final JdbcClient db;

    PayoutSettingsTable(JdbcClient db) {
        this.db = db;
    }

    public PayoutSettings get(WorkspaceId workspace) {
        return db.sql("select * from payouts_settings where workspace_id = ?")
                .param(workspace.value())
                .query((rs, n) -> new PayoutSettings(
                        rs.getBoolean("scheduled"),
                        rs.getInt("net_days"),
                        Money.of(rs.getBigDecimal("second_approval_above"), rs.getString("second_approval_currency")),
                        rs.getBoolean("separate_duties"),
                        rs.getString("legal_name"),
                        rs.getString("address"),
                        rs.getString("gstin"),
                        rs.getString("tax_country"),
                        "HOLD".equals(rs.getString("without_pan"))))
                .optional()
                .orElse(PayoutSettings.DEFAULTS);
    }

    public void save(WorkspaceId workspace, PayoutSettings s, Instant now) {
        db.sql("""
                        insert into payouts_settings (workspace_id, scheduled, net_days, second_approval_above,
                            second_approval_currency, separate_duties, legal_name, address, gstin, tax_country,
                            without_pan, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (workspace_id) do update
                        set scheduled = excluded.scheduled, net_days = excluded.net_days,
                            second_approval_above = excluded.second_approval_above,
                            second_approval_currency = excluded.second_approval_currency,
                            separate_duties = excluded.separate_duties,
                            legal_name = excluded.legal_name, address = excluded.address, gstin = excluded.gstin,
                            tax_country = excluded.tax_country, without_pan = excluded.without_pan,
                            updated_at = excluded.updated_at
                        """)
                .params(
                        workspace.value(),
                        s.scheduled(),
                        s.netDays(),
                        s.secondApprovalAbove().amount(),
                        s.secondApprovalAbove().currencyCode(),
                        s.separateDuties(),
                        s.legalName(),
                        s.address(),
                        s.gstin(),
                        s.taxCountry(),
                        s.holdWithoutPan() ? "HOLD" : "WITHHOLD_20",
                        Timestamp.from(now))
                .update();
    }

    /** Workspaces whose monthly run is scheduled (those that never saved settings are, by default). */
    public List<WorkspaceId> scheduled() {
        return db.sql("""
                        select w.id from identity_workspace w left join payouts_settings s on s.workspace_id = w.id
                        where coalesce(s.scheduled, true)
                        """)
                .query((rs, n) -> new WorkspaceId(rs.getObject(1, java.util.UUID.class)))
                .list();
    }
}
