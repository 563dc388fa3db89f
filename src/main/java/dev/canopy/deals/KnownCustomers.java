package dev.canopy.deals;

import dev.canopy.shared.WorkspaceId;
import java.util.List;

/**
 * Customers of the vendor that another module knows (tracking's attributed customers). Deal conflicts
 * and account mapping consult every implementation; with none, the vendor's uploaded accounts stand in.
 * Implementations are called inside the caller's transaction and must filter by {@code workspace}.
 */
public interface KnownCustomers {

    /** Customers whose registrable domain is {@code registrableDomain} or whose name resembles {@code name}. */
    List<KnownCustomer> matching(WorkspaceId workspace, String registrableDomain, String name);

    /** Every customer of the workspace, for the vendor's side of account mapping. */
    List<KnownCustomer> all(WorkspaceId workspace);
}
