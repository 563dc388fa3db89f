package dev.canopy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.ledger.Ledger;
import dev.canopy.shared.WorkspaceId;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** After every full-stack scenario: every workspace's ledger balances, transaction by transaction. */
public class LedgerInvariant implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        Ledger ledger = SpringExtension.getApplicationContext(context).getBean(Ledger.class);
        for (WorkspaceId workspace : ledger.workspaces()) {
            assertThat(ledger.check(workspace))
                    .as("ledger of workspace %s", workspace.value())
                    .isEmpty();
        }
    }
}
