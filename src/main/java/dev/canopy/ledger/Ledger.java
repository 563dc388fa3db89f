package dev.canopy.ledger;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts balanced entries and derives balances. Entries are written in bulk: one statement for the
 * transactions (a key already posted is skipped) and one for all their legs, so the database's
 * statement-level check sees every leg of every transaction at once.
 */
@Service
public class Ledger {

    private final JdbcClient db;
    private final Clock clock;

    Ledger(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Posts the entries not posted before (by key); answers how many were new. Joins the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int post(WorkspaceId workspace, Collection<LedgerEntry> entries) {
        List<LedgerEntry> real = entries.stream().filter(e -> !e.isEmpty()).toList();
        if (real.isEmpty()) {
            return 0;
        }
        int n = real.size();
        UUID[] ids = new UUID[n];
        String[] keys = new String[n];
        String[] kinds = new String[n];
        String[] memos = new String[n];
        String[] times = new String[n];
        for (int i = 0; i < n; i++) {
            LedgerEntry entry = real.get(i);
            ids[i] = UUID.randomUUID();
            keys[i] = entry.key();
            kinds[i] = entry.kind();
            memos[i] = entry.memo();
            times[i] = entry.occurredAt().toString();
        }
        Set<String> fresh = db.sql("""
                        insert into ledger_transaction (id, workspace_id, key, kind, memo, occurred_at, recorded_at)
                        select t.id, ?, t.key, t.kind, t.memo, t.occurred_at, ?
                        from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[]::timestamptz[])
                             as t(id, key, kind, memo, occurred_at)
                        on conflict (workspace_id, key) do nothing
                        returning key
                        """)
                .params(workspace.value(), Timestamp.from(clock.instant()), ids, keys, kinds, memos, times)
                .query(String.class)
                .set();
        List<Object[]> legs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (fresh.contains(keys[i])) {
                for (Leg leg : real.get(i).legs()) {
                    legs.add(new Object[] {
                        ids[i],
                        leg.account().name(),
                        leg.partner() == null ? null : leg.partner().value(),
                        leg.amount().currencyCode(),
                        leg.amount().amount(),
                        leg.ref()
                    });
                }
            }
        }
        insertLegs(workspace, legs);
        return fresh.size();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public boolean post(WorkspaceId workspace, LedgerEntry entry) {
        return post(workspace, List.of(entry)) == 1;
    }

    private void insertLegs(WorkspaceId workspace, List<Object[]> legs) {
        if (legs.isEmpty()) {
            return;
        }
        int n = legs.size();
        UUID[] tx = new UUID[n];
        String[] accounts = new String[n];
        UUID[] partners = new UUID[n];
        String[] currencies = new String[n];
        String[] amounts = new String[n];
        UUID[] refs = new UUID[n];
        for (int i = 0; i < n; i++) {
            Object[] leg = legs.get(i);
            tx[i] = (UUID) leg[0];
            accounts[i] = (String) leg[1];
            partners[i] = (UUID) leg[2];
            currencies[i] = (String) leg[3];
            amounts[i] = ((BigDecimal) leg[4]).toPlainString();
            refs[i] = (UUID) leg[5];
        }
        db.sql("""
                        insert into ledger_posting (transaction_id, workspace_id, account, partner_id, currency, amount, ref)
                        select l.tx, ?, l.account, l.partner, l.currency, l.amount, l.ref
                        from unnest(?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::text[]::numeric[], ?::uuid[])
                             as l(tx, account, partner, currency, amount, ref)
                        """)
                .params(workspace.value(), tx, accounts, partners, currencies, amounts, refs)
                .update();
    }

    /** Every non-zero balance of a partner's accounts, per currency. */
    public List<Balance> balances(WorkspaceId workspace, PartnerId partner) {
        return db.sql("""
                        select account, currency, sum(amount) from ledger_posting
                        where workspace_id = ? and partner_id = ? and account = 'PARTNER_PAYABLE'
                        group by account, currency having sum(amount) <> 0 order by currency
                        """)
                .params(workspace.value(), partner.value())
                .query((rs, n) -> new Balance(
                        Account.valueOf(rs.getString(1)), partner, Money.of(rs.getBigDecimal(3), rs.getString(2))))
                .list();
    }

    /** What each kind of entry moved on each account, per partner and currency: the reconciliation's input. */
    public List<KindTotal> totalsByKind(WorkspaceId workspace) {
        return db.sql("""
                        select p.partner_id, t.kind, p.account, p.currency, sum(p.amount)
                        from ledger_posting p join ledger_transaction t on t.id = p.transaction_id
                        where p.workspace_id = ? and p.partner_id is not null
                        group by p.partner_id, t.kind, p.account, p.currency
                        """)
                .param(workspace.value())
                .query((rs, n) -> new KindTotal(
                        new PartnerId(rs.getObject(1, UUID.class)),
                        rs.getString(2),
                        Account.valueOf(rs.getString(3)),
                        Money.of(rs.getBigDecimal(5), rs.getString(4))))
                .list();
    }

    /** The postings about one thing (a commission, a payout line), oldest first. */
    public List<PostingView> postingsAbout(WorkspaceId workspace, UUID ref) {
        return db.sql("""
                        select t.kind, t.memo, t.occurred_at, p.account, p.partner_id, p.currency, p.amount
                        from ledger_posting p join ledger_transaction t on t.id = p.transaction_id
                        where p.workspace_id = ? and p.ref = ? order by p.id
                        """)
                .params(workspace.value(), ref)
                .query((rs, n) -> new PostingView(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        Account.valueOf(rs.getString(4)),
                        rs.getObject(5, UUID.class) == null ? null : new PartnerId(rs.getObject(5, UUID.class)),
                        Money.of(rs.getBigDecimal(7), rs.getString(6))))
                .list();
    }

    /**
     * The ledger's invariants, as problems found (none when sound): every transaction has legs and
     * balances per currency, and the workspace's postings sum to zero per currency.
     */
    public List<String> check(WorkspaceId workspace) {
        List<String> problems = new ArrayList<>();
        problems.addAll(db.sql("""
                        select 'transaction ' || t.key || ' has no legs' from ledger_transaction t
                        where t.workspace_id = ? and not exists (select 1 from ledger_posting p where p.transaction_id = t.id)
                        """).param(workspace.value()).query(String.class).list());
        problems.addAll(db.sql("""
                        select 'transaction ' || t.key || ' is off by ' || sum(p.amount) || ' ' || p.currency
                        from ledger_posting p join ledger_transaction t on t.id = p.transaction_id
                        where p.workspace_id = ? group by t.key, p.currency having sum(p.amount) <> 0
                        """).param(workspace.value()).query(String.class).list());
        problems.addAll(db.sql("""
                        select 'postings in ' || currency || ' sum to ' || sum(amount) from ledger_posting
                        where workspace_id = ? group by currency having sum(amount) <> 0
                        """).param(workspace.value()).query(String.class).list());
        return problems;
    }

    /** The workspaces that have postings, for checks that run over all of them. */
    public Set<WorkspaceId> workspaces() {
        return db.sql("select distinct workspace_id from ledger_transaction").query(UUID.class).list().stream()
                .map(WorkspaceId::new)
                .collect(Collectors.toSet());
    }
}
