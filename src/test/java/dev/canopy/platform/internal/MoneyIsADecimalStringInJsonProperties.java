package dev.canopy.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.shared.Money;
import java.math.BigDecimal;
import java.util.Currency;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Money in JSON: the amount a decimal string with exactly the currency's decimals, the currency its code; read
 * back equal; and the number form that event publications were once stored in still reads as the same money.
 */
class MoneyIsADecimalStringInJsonProperties {

    private static final JsonMapper JSON = JsonMapper.builder()
            .addModule(new JsonMoney().moneyAsDecimalStrings())
            .build();

    record Earned(Money amount) {}

    @Property
    void writtenAsItsDecimalsAndReadBackEqual(@ForAll("money") Money money) {
        String written = JSON.writeValueAsString(new Earned(money));
        JsonNode node = JSON.readTree(written).path("amount");

        assertThat(node.path("amount").isString()).isTrue();
        String amount = node.path("amount").asString();
        int decimals = amount.contains(".") ? amount.length() - amount.indexOf('.') - 1 : 0;
        assertThat(decimals).isEqualTo(money.currency().getDefaultFractionDigits());
        assertThat(node.path("currency").asString()).isEqualTo(money.currencyCode());
        assertThat(JSON.readValue(written, Earned.class)).isEqualTo(new Earned(money));
    }

    @Property
    void theStoredNumberFormReadsAsTheSameMoney(@ForAll("money") Money money) {
        String legacy = "{\"amount\":{\"amount\":%s,\"currency\":\"%s\"}}"
                .formatted(money.amount().toPlainString(), money.currencyCode());
        assertThat(JSON.readValue(legacy, Earned.class)).isEqualTo(new Earned(money));
    }

    @Provide
    Arbitrary<Money> money() {
        Arbitrary<Currency> currencies =
                Arbitraries.of("USD", "EUR", "JPY", "INR", "BHD", "KWD", "CLP").map(Currency::getInstance);
        Arbitrary<BigDecimal> amounts = Arbitraries.bigDecimals()
                .between(new BigDecimal("-1000000000"), new BigDecimal("1000000000"))
                .ofScale(3);
        return net.jqwik.api.Combinators.combine(amounts, currencies).as(Money::new);
    }
}
