package dev.canopy.deals.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.deals.AccountStatus;
import dev.canopy.deals.MappedAccount;
import dev.canopy.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class AccountCsvTest {

    @Test
    void readsNamesRegistrableDomainsAndStatuses() {
        assertThat(AccountCsv.parse("""
                        Name,Website,Status
                        Acme,https://shop.acme.co.uk,Customer
                        Globex,globex.com,open_opportunity
                        Bücher,www.bücher.de,prospect
                        """))
                .containsExactly(
                        new MappedAccount("Acme", "acme.co.uk", AccountStatus.CUSTOMER),
                        new MappedAccount("Globex", "globex.com", AccountStatus.OPEN_OPPORTUNITY),
                        new MappedAccount("Bücher", "xn--bcher-kva.de", AccountStatus.PROSPECT));
    }

    @Test
    void takesNothingWhenARowIsWrongAndNamesItsLine() {
        assertThatThrownBy(() -> AccountCsv.parse("""
                        name,domain,status
                        Acme,acme.com,customer
                        Nowhere,not a domain,customer
                        Hooli,hooli.xyz,friend
                        """))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("file");
                            assertThat(p.message()).contains("line 3").contains("line 4");
                        }));
    }

    @Test
    void needsTheColumns() {
        assertThatThrownBy(() -> AccountCsv.parse("company,site\nAcme,acme.com\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("name, domain, status");
    }
}
