package dev.canopy.payouts.internal;

import dev.canopy.payouts.PayoutLineView;
import dev.canopy.payouts.PayoutRunView;
import java.util.List;

/**
 * Where a run's payments go. {@code batchId} is the same on every attempt for a run, so a provider that
 * honours it (as PayPal's sender_batch_id and Wise's idempotency keys do) never pays a line twice when
 * Canopy retries after a crash. The built-in provider only exports files.
 */
public interface PaymentProvider {

    String id();

    /** Hands the run's payable lines over; answers the provider's word on it, for the run's history. */
    String submit(String batchId, PayoutRunView run, List<PayoutLineView> lines);
}
