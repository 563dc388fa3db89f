package dev.canopy.payouts.internal;

import dev.canopy.payouts.PayoutLineView;
import dev.canopy.payouts.PayoutRunView;
import java.util.List;
import org.springframework.stereotype.Component;

/** The built-in provider ({@code canopy.payouts.provider=export-only}, the default): nothing leaves Canopy; finance downloads the export files and uploads them. */
@Component
class ExportOnlyProvider implements PaymentProvider {

    @Override
    public String id() {
        return "export-only";
    }

    @Override
    public String submit(String batchId, PayoutRunView run, List<PayoutLineView> lines) {
        return "Ready to export: " + lines.size() + " payments in batch " + batchId;
    }
}
